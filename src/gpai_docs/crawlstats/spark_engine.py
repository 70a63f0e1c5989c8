"""The same host aggregation as a PySpark job (``--engine spark``, extra ``gpai-docs[spark]``).

Spark reads the logs and groups rows by (URL authority, bad-row reason, modality); the
driver then runs the same Python host classification as the DuckDB engine, once per
distinct authority. Given the same input, both engines give the same list. The
session binds to 127.0.0.1 with the UI off unless ``--master`` points elsewhere;
without ``--master`` the environment's defaults apply (``spark-submit``,
``SPARK_HOME`` config, else ``local[*]``).

Differences from DuckDB in counting bad rows: Spark decodes invalid UTF-8 to U+FFFD,
so such rows are counted as ``bad_encoding`` only when the damage is in the URL (else
as a bad size), and CSV lines with extra fields are read, not rejected.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.hosts import AUTHORITY_RE
from gpai_docs.crawlstats.model import Format, KeyRow, Options, ProgressCallback, Source
from gpai_docs.crawlstats.sources import group_sources, resolve_columns

INSTALL_HINT = "install the extra: pip install 'gpai-docs[spark]' (Spark also needs Java 17+)"


def _under_spark_submit() -> bool:
    """``spark-submit`` starts this process and passes the cluster settings itself."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def _session(options: Options) -> tuple[Any, bool]:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise CrawlStatsError("the Spark engine needs PySpark", hint=INSTALL_HINT) from exc
    existing = SparkSession.getActiveSession()
    if existing is not None:
        return existing, False
    builder = SparkSession.builder.appName("gpai-docs domains")
    if options.spark_master:
        builder = builder.master(options.spark_master)
    local = options.spark_master is None or options.spark_master.startswith("local")
    if local and not (options.spark_master is None and _under_spark_submit()):
        # Read by the JVM at start-up, before any config: keeps Spark off the network.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (
            builder.config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8")
        )
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.ansi.enabled", "false")
    )
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # Py4J / Java gateway failures have many types
        raise CrawlStatsError(
            f"cannot start Spark: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
            hint="check that Java 17+ is installed and --master is reachable; " + INSTALL_HINT,
        ) from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def spark_path(source: Source) -> str:
    """What Spark reads: a URI or pattern as given, or a local file named literally
    (Hadoop expands ``*?[]{}`` in every path, so they are escaped with ``\\``)."""
    if source.remote:
        return source.location
    text = str(source.path.absolute())
    if ":" in text:
        raise CrawlStatsError(
            f"{source.location}: Spark (Hadoop) cannot read a file name with ':'",
            hint="rename the file, or read it with the default engine",
        )
    return "file://" + "".join("\\" + c if c in "*?[]{}\\" else c for c in text)


def _frame(spark: Any, fmt: Format, paths: list[str]) -> Any:
    reader = spark.read.option("mode", "PERMISSIVE")
    if fmt in ("csv", "tsv"):
        sep = "\t" if fmt == "tsv" else ","
        return reader.option("header", "true").option("sep", sep).option("escape", '"').csv(paths)
    if fmt == "jsonl":
        return reader.json(paths)
    return reader.parquet(paths)


def _q(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _groups(spark: Any, fmt: Format, sources: Sequence[Source], options: Options) -> Any:
    from pyspark.sql import functions as F

    paths = [spark_path(s) for s in sources]
    df = _frame(spark, fmt, paths)
    available = [c for c in df.columns if c != "_corrupt_record"]
    cols = resolve_columns(available, options, sources[0].location)
    mod = f"coalesce(CAST({_q(cols.modality)} AS STRING), '')" if cols.modality else "NULL"
    pattern = AUTHORITY_RE.replace("\\", "\\\\")
    df = df.selectExpr(
        f"CAST({_q(cols.url)} AS STRING) AS u",
        f"CAST({_q(cols.size)} AS STRING) AS sr",
        f"CAST(round(CAST(CAST({_q(cols.size)} AS STRING) AS DOUBLE)) AS BIGINT) AS s",
        f"CAST({mod} AS STRING) AS mod",
    )
    malformed = "u IS NULL AND sr IS NULL" if fmt == "jsonl" else "false"
    df = df.selectExpr(
        "u",
        "mod",
        "s",
        f"""CASE WHEN {malformed} THEN 'malformed_record'
                 WHEN s IS NULL THEN CASE WHEN sr IS NULL OR trim(sr) = '' THEN 'missing_size'
                                          ELSE 'non_numeric_size' END
                 WHEN s < 0 THEN 'negative_size' END AS reason""",
    ).selectExpr(
        f"CASE WHEN reason IS NULL THEN regexp_extract(u, '{pattern}', 1) END AS auth",
        "reason",
        "mod",
        "CASE WHEN reason IS NULL THEN s END AS s",
    )
    return df.groupBy("auth", "reason", "mod").agg(
        F.count(F.lit(1)).alias("n"), F.coalesce(F.sum("s"), F.lit(0)).alias("size")
    )


def spark_scan(
    sources: Sequence[Source], options: Options, progress: ProgressCallback | None
) -> Iterator[KeyRow]:
    """Aggregated groups for all files, computed by Spark."""
    spark, owned = _session(options)
    try:
        for fmt, files in group_sources(sources).items():
            if progress is not None:
                progress(f"spark: reading {fmt}", None)
            try:
                rows = _groups(spark, fmt, files, options).toLocalIterator()
                for auth, reason, mod, n, size in rows:
                    yield KeyRow(auth, reason, mod, int(n), int(size), False)
            except CrawlStatsError:
                raise
            except Exception as exc:  # AnalysisException, Py4JJavaError, ...
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
                raise CrawlStatsError(
                    f"{files[0].location}: Spark cannot read the crawl log: {first}",
                    hint="check that the files are complete and in the format their names say",
                ) from exc
    finally:
        if owned:
            spark.stop()
