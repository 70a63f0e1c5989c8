"""The SQL of the DuckDB engine. User text enters only as quoted identifiers or literals.

Only stage 1 touches every row: it cuts a *key* out of each URL with string functions
and sums rows and sizes per key in one hash aggregation. A key is lossless: the URL
authority (``AUTHORITY_RE``) of every URL with that key is the same, so everything
else runs once per distinct key:

* ``https://`` and ``http://`` URLs: the key is the text between the second and the
  third ``/`` (the authority, before any ``?`` or ``#``);
* any other value: ``/`` + the text before the first ``/``, plus ``//`` + the third
  part if a ``//`` starts there (a prefix of the value that holds its authority);
* a row with a bad size: ``//`` + the reason. Other keys never start with ``//`` and
  a letter: a key with an empty first part is ``///...``.

Stage 2 turns each key into a kind and a value, in SQL for plain ASCII hosts and IPv4
addresses (see :mod:`gpai_docs.crawlstats.suffixes`), else it leaves the authority
(``auth``) or the host (``psl``) to the Python lookup, and groups by the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from gpai_docs.crawlstats.guard import LINE_LIMIT
from gpai_docs.crawlstats.hosts import AUTHORITY_RE
from gpai_docs.crawlstats.model import Columns, Format


def ident(name: str) -> str:
    """A quoted SQL identifier: any column name, braces and quotes included."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def file_literal(path: Path) -> str:
    """An absolute path that DuckDB reads literally: its glob characters escaped."""
    text = str(path.absolute())
    return literal("".join(f"[{c}]" if c in "*?[" else c for c in text))


def reader(
    fmt: Format,
    files: Sequence[Path],
    names: Sequence[str],
    *,
    gzip: bool,
    rejects: bool = False,
) -> str:
    """A table function reading ``files``; ``names`` are all columns (CSV) or the
    columns to read (JSON)."""
    paths = "[" + ", ".join(file_literal(f) for f in files) + "]"
    spec = "{" + ", ".join(f"{literal(n)}: 'VARCHAR'" for n in names) + "}"
    compression = "'gzip'" if gzip else "'none'"
    if fmt in ("csv", "tsv"):
        delim = "E'\\t'" if fmt == "tsv" else "','"
        extra = ", store_rejects = true, rejects_table = 'gd_rejects'" if rejects else ""
        extra += ", rejects_scan = 'gd_scans'" if rejects else ""
        return (
            f"read_csv({paths}, header = true, auto_detect = false, delim = {delim}, "
            f"quote = '\"', escape = '\"', compression = {compression}, "
            f"max_line_size = {LINE_LIMIT}, columns = {spec}{extra})"
        )
    if fmt == "jsonl":
        return (
            f"read_json({paths}, format = 'newline_delimited', ignore_errors = true, "
            f"compression = {compression}, maximum_object_size = {LINE_LIMIT}, "
            f"columns = {spec})"
        )
    return f"read_parquet({paths})"


_KEY = """CASE WHEN prefix(u, 'https://') OR prefix(u, 'http://') THEN split_part(u, '/', 3)
     ELSE '/' || split_part(u, '/', 1) ||
          CASE WHEN strpos(u, '/') > 0 AND strpos(u, '//') = strpos(u, '/')
               THEN '//' || split_part(u, '/', 3) ELSE '' END END"""


#: The key of a row whose URL holds a line break: a quoted CSV field that ran over
#: lines, swallowing the records between. The engine reads such a batch again line by
#: line; what is left of the key then is a ``malformed_record``.
MULTILINE = "//multiline"


def stage1(source_sql: str, cols: Columns, fmt: Format) -> str:
    """Rows of one batch of files -> (key, modality, rows, size) in ``gd_auth``."""
    mod = f"coalesce(CAST({ident(cols.modality)} AS VARCHAR), '')" if cols.modality else "NULL"
    malformed = "WHEN u0 IS NULL AND sr IS NULL THEN '//malformed_record'" if fmt == "jsonl" else ""
    size = ident(cols.size)
    # sr (the raw size) stays referenced: DuckDB would otherwise push the TRY_CAST
    # into the CSV reader as a strict cast (duckdb/duckdb#23818).
    return f"""
INSERT INTO gd_auth
SELECT k, {"mod" if cols.modality else "NULL"}, count(*), sum(s) FROM (
  SELECT CASE {malformed}
              WHEN contains(u, E'\\n') THEN '{MULTILINE}'
              WHEN s >= 0 THEN {_KEY}
              WHEN s IS NULL THEN CASE WHEN sr IS NULL OR trim(sr) = '' THEN '//missing_size'
                                       ELSE '//non_numeric_size' END
              ELSE '//negative_size' END AS k, mod, s
  FROM (SELECT u0, coalesce(u0, '') AS u, sr, s, mod FROM (
          SELECT CAST({ident(cols.url)} AS VARCHAR) AS u0, CAST({size} AS VARCHAR) AS sr,
                 TRY_CAST({size} AS BIGINT) AS s, CAST({mod} AS VARCHAR) AS mod
          FROM {source_sql}))
) GROUP BY k{", mod" if cols.modality else ""}
"""


def _ends_in(column: str, labels: Iterable[str]) -> str:
    """``column`` ends in ``.label`` for one of the labels (plain suffix tests: cheap)."""
    tests = [f"suffix({column}, {literal('.' + label)})" for label in sorted(labels)]
    return "(" + " OR ".join(tests) + ")" if tests else "false"


_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"  # no leading zeros, as Python
_IPV4 = rf"({_OCTET}\.){{3}}{_OCTET}"
_HOST = r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*"


def stage2(wild2: Iterable[str]) -> str:
    """Distinct keys -> (kind, value, modality, rows, size) in ``gd_keys``.

    Kinds: ``reason`` (value: the bad-row reason), ``domain`` (value: the registrable
    domain), ``ip``, ``malformed_url``, ``not_registrable``, and for Python to settle
    ``auth`` (value: the authority) and ``psl`` (value: the lowercase host).
    """
    wild_top = _ends_in("t2", wild2)
    return rf"""
CREATE OR REPLACE TEMP TABLE gd_keys AS
WITH a AS (
  SELECT mod, n, size, bad,
    CASE WHEN bad THEN substr(k, 3)
         WHEN prefix(k, '/') THEN regexp_extract(substr(k, 2), {literal(AUTHORITY_RE)}, 1)
         WHEN contains(k, '?') OR contains(k, '#') THEN regexp_extract(k, '^[^?#]*')
         ELSE k END AS auth
  FROM (SELECT *, prefix(k, '//') AND NOT prefix(k, '///') AS bad FROM gd_auth)
), b AS (
  -- userinfo, port, trailing dots; anything unusual (U+FFFD, two colons) goes to Python
  SELECT *, CASE WHEN suffix(a2, '.') THEN rtrim(a2, '.') ELSE a2 END AS hn FROM (
    SELECT *, CASE WHEN NOT contains(a1, ':') THEN a1
                   WHEN regexp_full_match(a1, '[^:]*:[0-9]*') THEN split_part(a1, ':', 1) END AS a2
    FROM (SELECT *, CASE WHEN bad OR NOT contains(auth, '@') THEN auth
                         WHEN NOT contains(auth, {literal(chr(0xFFFD))})
                           THEN split_part(auth, '@', -1) END AS a1
          FROM a))
), c AS (
  SELECT mod, n, size, auth, hn,
    CASE WHEN bad THEN 'reason'
         WHEN hn IS NULL OR NOT regexp_full_match(hn, '{_HOST}') THEN 'auth'
         WHEN regexp_full_match(hn, '[0-9.]+') THEN
           CASE WHEN regexp_full_match(hn, '{_IPV4}') THEN 'ip' ELSE 'malformed_url' END
         WHEN length(hn) > 253 THEN 'malformed_url'
         WHEN length(hn) > 63 AND regexp_matches(hn, '[^.]{{64}}') THEN 'malformed_url'
         WHEN NOT contains(hn, '.') THEN 'not_registrable'
         ELSE 'plain' END AS kind
  FROM b
), d AS (
  SELECT mod, n, size, kind, hn, CASE WHEN kind IN ('reason', 'auth') THEN auth END AS v,
    CASE WHEN kind = 'plain' THEN lower(regexp_extract(hn, '[^.]+\.[^.]+$')) END AS t2
  FROM c
), e AS (
  SELECT mod, n, size, kind, hn, v, t2, coalesce(x.r2, false) AS r2,
    CASE WHEN kind <> 'plain' THEN NULL
         WHEN coalesce(x.e2, false) OR {wild_top} THEN
           CASE WHEN NOT {wild_top} AND NOT coalesce(x.w3, false)
                THEN nullif(lower(regexp_extract(hn, '[^.]+\.[^.]+\.[^.]+$')), '') END
         ELSE '' END AS t3
  FROM d LEFT JOIN gd_t2 x ON x.t = d.t2
)
SELECT kind, value, mod, sum(n) AS n, sum(size) AS size FROM (
  SELECT mod, n, size,
    CASE WHEN kind <> 'plain' THEN kind
         WHEN t3 = '' OR (t3 IS NOT NULL AND y.t IS NULL) THEN 'domain'
         ELSE 'psl' END AS kind,
    CASE WHEN kind <> 'plain' THEN v
         WHEN t3 = '' THEN t2
         WHEN t3 IS NOT NULL AND y.t IS NULL THEN CASE WHEN r2 THEN t3 ELSE t2 END
         ELSE lower(hn) END AS value
  FROM e LEFT JOIN gd_e3 y ON y.t = e.t3
) GROUP BY ALL
"""


FINAL = """
CREATE OR REPLACE TEMP TABLE gd_dom AS
SELECT CASE WHEN g.kind = 'domain' THEN g.value WHEN p.rkind = 'domain' THEN p.domain END
         AS domain,
       CASE WHEN g.kind = 'reason' THEN g.value
            WHEN g.kind IN ('auth', 'psl') THEN nullif(p.rkind, 'domain')
            WHEN g.kind = 'domain' THEN NULL
            ELSE g.kind END AS what,
       g.mod, sum(g.n) AS n, sum(g.size) AS size
FROM gd_keys g LEFT JOIN gd_py p ON p.kind = g.kind AND p.value IS NOT DISTINCT FROM g.value
GROUP BY ALL
"""

_MODALITY = "CASE WHEN mod IS NULL OR mod = '' THEN 'unspecified' ELSE mod END"


def slices(modalities: bool) -> str:
    """Per-domain totals in ``gd_slice``: overall (``slice`` NULL) and per modality.

    Rows of files without a modality column count as ``unspecified`` once any file
    has one, as do rows with an empty modality cell.
    """
    if not modalities:  # gd_dom already holds one row per domain
        return """
CREATE OR REPLACE TEMP VIEW gd_slice AS
SELECT NULL::VARCHAR AS slice, domain, n, size FROM gd_dom WHERE domain IS NOT NULL
"""
    return f"""
CREATE OR REPLACE TEMP TABLE gd_slice AS
SELECT CASE WHEN grouping(m) = 1 THEN NULL ELSE m END AS slice, domain,
       sum(n) AS n, sum(size) AS size
FROM (SELECT domain, n, size, {_MODALITY} AS m FROM gd_dom WHERE domain IS NOT NULL)
GROUP BY GROUPING SETS ((domain), (m, domain))
"""


# Bad rows DuckDB's rejects table holds for one read: a line counts once, by its first
# reason; the first few are named by file (its place in the read's list) and line.
REJECT_COUNTS = """
SELECT CASE WHEN enc THEN 'bad_encoding' WHEN big THEN 'oversize_record'
            ELSE 'malformed_record' END, count(*)
FROM (SELECT bool_or(error_type = 'INVALID ENCODING') AS enc,
             bool_or(error_type = 'LINE SIZE OVER MAXIMUM') AS big
      FROM gd_rejects GROUP BY scan_id, file_id, line)
GROUP BY ALL
"""
REJECT_EXAMPLES = """
SELECT file_id, line, CASE WHEN bool_or(error_type = 'INVALID ENCODING') THEN 'bad_encoding'
                           WHEN bool_or(error_type = 'LINE SIZE OVER MAXIMUM')
                             THEN 'oversize_record'
                           ELSE 'malformed_record' END
FROM gd_rejects GROUP BY scan_id, file_id, line ORDER BY file_id, line LIMIT $1
"""
