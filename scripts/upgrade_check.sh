#!/usr/bin/env bash
# Upgrade check (issue 18): an upgrade from the previous state of the app, with data in it, migrates cleanly.
#
#   scripts/upgrade_check.sh --bench /home/frappe/frappe-bench --site upgrade.localhost [--from REF]
#       [--tasks 20000] [--db-root-password root] [--drop]
#
# The repository has no tags yet; "the previous state" is REF, by default 0aa8d62 (the end of the
# 2026-11-23 session: the same DocTypes minus the fields, DocTypes and workflows added since, and before
# every patch in patches.txt). The script uses an existing bench and builds nothing. Run it as root (it
# runs bench commands as the bench's owner) and, on a shared bench, under the bench's lock: it replaces
# apps/danvan_app twice.
#   1. the previous state (git archive REF) goes into apps/danvan_app; a new site gets it installed;
#   2. scripts/upgrade_seed.py (this tree's) writes data with the previous state's DocTypes;
#   3. this tree goes into apps/danvan_app; `bench migrate` runs twice, each timed;
#   4. the counts kept must be equal, every patch logged, the patches' traces there, no Error Log.
# Exit status 0 only when every check holds.
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
BENCH=/home/frappe/frappe-bench
SITE=""
FROM=0aa8d62
TASKS=20000
DBROOT=root
DROP=0
while [ $# -gt 0 ]; do
	case "$1" in
		--bench) BENCH="$2"; shift 2 ;;
		--site) SITE="$2"; shift 2 ;;
		--from) FROM="$2"; shift 2 ;;
		--tasks) TASKS="$2"; shift 2 ;;
		--db-root-password) DBROOT="$2"; shift 2 ;;
		--drop) DROP=1; shift ;;
		*) echo "unknown argument $1" >&2; exit 2 ;;
	esac
done
[ -n "$SITE" ] || { echo "--site is required" >&2; exit 2; }
OWNER=$(stat -c %U "$BENCH")
as_owner() { runuser -u "$OWNER" -- "$@"; }
put_app() {  # put_app DIR: DIR's tree becomes the bench's apps/danvan_app
	rsync -a --delete --exclude .git --exclude __pycache__ --exclude node_modules --exclude public/dist \
		--exclude '*.egg-info' "$1"/ "$BENCH/apps/danvan_app/"
	chown -R "$OWNER:$OWNER" "$BENCH/apps/danvan_app"
}

seconds_since() { python3 -c "import sys, time; print(f'{(time.time_ns() - int(sys.argv[1])) / 1e9:.1f}')" "$1"; }

PREV=$(mktemp -d /tmp/danvan_prev.XXXXXX)
OUT=$(mktemp -d /tmp/danvan_upgrade.XXXXXX)
chmod 755 "$OUT"
trap 'rm -rf "$PREV"' EXIT
git -C "$HERE" archive "$FROM" | tar -x -C "$PREV"
echo "previous state: $(git -C "$HERE" log -1 --format='%h %ad %s' --date=short "$FROM" | cut -c1-100)"
echo "current tree:   $(git -C "$HERE" log -1 --format='%h %ad %s' --date=short HEAD | cut -c1-100)"

cd "$BENCH"
if [ -d "sites/$SITE" ]; then
	[ "$DROP" = 1 ] || { echo "site $SITE exists: pass --drop to drop it first" >&2; exit 2; }
	as_owner bench drop-site "$SITE" --force --no-backup --db-root-password "$DBROOT" >/dev/null
fi

put_app "$PREV"
as_owner bench new-site "$SITE" --db-root-password "$DBROOT" --admin-password admin >/dev/null
as_owner bench --site "$SITE" install-app danvan_app >/dev/null
cp "$HERE/scripts/upgrade_seed.py" "$OUT/seed.py"
cd "$BENCH/sites"
start=$(date +%s%N)
as_owner ../env/bin/python "$OUT/seed.py" --site "$SITE" --tasks "$TASKS" seed | tail -1 >"$OUT/before.json"
echo "seeded with the previous state in $(seconds_since "$start") s"
cd "$BENCH"

put_app "$HERE"
for run in 1 2; do
	start=$(date +%s%N)
	as_owner bench --site "$SITE" migrate >"$OUT/migrate$run.log" 2>&1 || {
		tail -30 "$OUT/migrate$run.log"
		echo "FAIL: migrate $run"
		exit 1
	}
	echo "migrate $run: $(seconds_since "$start") s"
done
cd "$BENCH/sites"
as_owner ../env/bin/python "$OUT/seed.py" --site "$SITE" counts | tail -1 >"$OUT/after.json"

status=0
python3 - "$OUT/before.json" "$OUT/after.json" "$HERE/danvan_app/patches.txt" <<'EOF' || status=$?
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:3])
patches = [
	line.split("#")[0].strip() for line in open(sys.argv[3])
	if line.strip() and not line.startswith(("#", "["))
]
failures = []
def check(ok, what):
	print(("ok   " if ok else "FAIL ") + what)
	if not ok:
		failures.append(what)
for doctype in ("DV Unit", "DV Directive", "DV Task", "DV Task Coordinating Unit", "DV Task Progress",
		"DV Evaluation", "DV Evaluation Template", "DV Kheo Model", "User Permission on DV Unit",
		"files on DV records"):
	check(before[doctype] == after[doctype], f"{doctype}: {before[doctype]} before, {after[doctype]} after")
check(after["Error Log"] == 0, f"Error Log rows after migrating: {after['Error Log']}")
missing = [p for p in patches if p not in after["patches logged"]]
check(not missing, f"every patch in patches.txt logged ({len(patches)}){': missing ' + str(missing) if missing else ''}")
check(after["public files on DV records"] == 0,
	f"public files on DV records: {before['public files on DV records']} before, {after['public files on DV records']} after")
check(after.get("tasks with days late", 0) > 0, f"tasks with days late counted: {after.get('tasks with days late')}")
check(after.get("evaluations without unit name") == 0,
	f"evaluations titled by unit code or untitled: {after.get('evaluations without unit name')}")
old_final = [k for k in after["kheo models by status and docstatus"] if k.startswith("Không được công nhận")]
undecided = [k for k in after["kheo models by status and docstatus"]
	if k.split(" / ")[0] in ("Được công nhận", "Không công nhận") and not k.endswith("/ 1")]
check(not old_final and not undecided, f"kheo models: {after['kheo models by status and docstatus']}")
check(after["dangling-unit notices"] >= 1, f"dangling-unit notices: {after['dangling-unit notices']}")
check(after["task outcomes"].get("-", 0) < before["task outcomes"].get("-", 0),
	f"tasks without an outcome (cancelled ones keep none): {before['task outcomes'].get('-', 0)} before,"
	f" {after['task outcomes'].get('-', 0)} after")
print("series after:", after["series"])
sys.exit(1 if failures else 0)
EOF
echo "logs and counts in $OUT"
exit $status
