#!/usr/bin/env bash
# Mutation testing (mutmut) over the modules that decide the law and the release integrity.
# Not part of CI: it takes tens of minutes. docs/testing.md reports the last run.
#
#   bash scripts/mutation.sh                 # every group below
#   bash scripts/mutation.sh determinations  # one group: determinations, domains, audience, verify, fileio
#
# It works on a copy of the checkout (tracked and untracked, unignored files) in a temporary
# folder, so the working tree is never mutated, and prints each group's score and every
# surviving mutant as a diff, into output/mutation/<group>.txt as well.
# MUTATION_TIMEOUT bounds each group (seconds, default 3600).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/setup.sh

declare -A MODULES TESTS
# The package's modules but law_applied.py, which was never in the group (docs/testing.md).
det=src/gpai_docs/validate/determinations
MODULES[determinations]="$det/wording.py $det/deadlines.py $det/scope_and_systemic_risk.py $det/modification.py $det/exemptions_and_representative.py $det/fines.py $det/report_order.py"
TESTS[determinations]="tests/unit/test_determinations.py tests/unit/test_boundaries.py tests/unit/test_boundaries_conditions.py tests/unit/test_required_when.py tests/unit/test_internal_errors.py tests/unit/test_rulepack_sme.py tests/unit/test_determinations_full.py"
MODULES[domains]="src/gpai_docs/validate/rules/top_domains.py src/gpai_docs/crawlstats/ranking.py"
TESTS[domains]="tests/unit/test_top_domains_rules.py tests/unit/test_rulepack_sme.py tests/crawlstats/test_crawl_ranking.py tests/unit/test_top_domains_findings.py"
MODULES[audience]="src/gpai_docs/render/audience.py src/gpai_docs/models/walk.py"
# The walk also feeds the scaffold, the schema errors' suggestions and the semantic diff.
TESTS[audience]="tests/render tests/canary tests/acceptance/test_build.py tests/unit/test_model_walk.py tests/unit/test_scaffold.py tests/acceptance/test_init.py tests/unit/test_schema_errors.py tests/releases/test_diff.py"
MODULES[verify]="src/gpai_docs/bundle/verify.py src/gpai_docs/bundle/verify_listing.py"
TESTS[verify]="tests/hostile/test_paths_fileio.py tests/releases/test_verify.py tests/releases/test_verify_archive.py tests/releases/test_verify_folder.py tests/releases/test_verify_memory.py tests/releases/test_verify_reading.py tests/releases/test_verify_reports.py tests/hostile/test_manifest.py"

MODULES[fileio]="src/gpai_docs/fileio/reading.py"
TESTS[fileio]="tests/unit/test_fileio_reading.py tests/hostile/test_paths_fileio.py tests/releases/test_verify_reading.py"

groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(determinations domains audience verify fileio)
mkdir -p output/mutation
status=0
for group in "${groups[@]}"; do
  [ -n "${MODULES[$group]:-}" ] || { echo "mutation: unknown group '$group'" >&2; exit 2; }
  work=$(mktemp -d)
  # tar keeps links as links (templates/ is one) and passes over files deleted in the tree.
  git ls-files -co --exclude-standard -z \
    | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$work"
  {
    echo "[mutmut]"
    echo "source_paths=src"
    echo "only_mutate="; for m in ${MODULES[$group]}; do echo "    $m"; done
    echo "also_copy="; for d in samples schemas docs templates README.md; do echo "    $d"; done
    echo "pytest_add_cli_args="; for a in -p no:cacheprovider -q -m "not pdf and not spark"; do echo "    $a"; done
    echo "pytest_add_cli_args_test_selection="; for t in ${TESTS[$group]}; do echo "    $t"; done
  } > "$work/setup.cfg"
  # mutmut reads [tool.mutmut] from pyproject.toml before setup.cfg; ours has none.
  echo "== mutation: $group (${MODULES[$group]})"
  (cd "$work" && timeout "${MUTATION_TIMEOUT:-3600}" "$root/.venv/bin/mutmut" run --max-children 2 \
      >"$work/run.log" 2>&1) || { echo "mutation: run ended early, see $work/run.log"; status=1; }
  report="output/mutation/$group.txt"
  (cd "$work" && "$root/.venv/bin/mutmut" results --all true 2>/dev/null) > "$work/results.txt" || true
  total=$(grep -c ': ' "$work/results.txt" || true)
  killed=$(grep -c ': killed' "$work/results.txt" || true)
  {
    echo "group: $group"
    echo "modules: ${MODULES[$group]}"
    echo "tests: ${TESTS[$group]}"
    echo "mutants: $total, killed: $killed"
    sed 's/.*: //' "$work/results.txt" | sort | uniq -c | sed 's/^ */outcome: /' || true
    echo
    { grep -v ': killed' "$work/results.txt" || true; } | sed 's/: .*//; s/^ *//' | while read -r mutant; do
      [ -n "$mutant" ] || continue
      (cd "$work" && "$root/.venv/bin/mutmut" show "$mutant" 2>/dev/null) || true
      echo
    done
  } > "$report"
  head -8 "$report"
  rm -rf "$work"
done
exit $status
