"""Load on a served site with wrk (issue 18): the task list, a form load, the summary report and a progress
report, as the administrator and as a district user, in requests a second and latency percentiles.

It builds nothing and serves nothing: point it at a site already served (gunicorn) that holds the data of
scripts/bench_tasks.py (``--data-only``: 3,000 units, BENCH-T… tasks, the users bench.district@dv.test, a
DV Viewer of the district BENCH-U1, and bench.officer@dv.test, a DV Officer of the same district):

    python scripts/load_wrk.py --base http://127.0.0.1:8014 --host load.localhost \\
        --admin-password admin --user-password PASSWORD --connections 20 --seconds 60

The two bench users need a password (``bench --site SITE execute frappe.utils.password.update_password
--args '["bench.district@dv.test", "PASSWORD"]'``). Each scenario is one wrk run (2 threads, --connections
connections, --seconds long) whose Lua script cycles through prepared requests (different tasks for the
form loads and the reports) and, when done, prints requests a second, p50/p95/p99 and the responses that
were not 2xx. A Markdown table is printed at the end. With ``--alternate N`` the chosen scenarios run in
turn N times (A B, B A, A B …, each --seconds long, after a --warmup run of each), and the table gives each
figure's median with its range, and each round's ratio of the first scenario's req/s to the second's: on a
shared machine the load drifts from one minute to the next, which one long run per scenario cannot tell
from the difference measured (``--only list_scoped,list_admin --alternate 8 --seconds 10``). Requests are checked once before the run: each must
answer 200 with what it asks for (rows, a document, a report), or the script stops.
"""

import argparse
import http.cookiejar
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

LIST_FIELDS = [
	"`tabDV Task`.`name`",
	"`tabDV Task`.`owner`",
	"`tabDV Task`.`creation`",
	"`tabDV Task`.`modified`",
	"`tabDV Task`.`modified_by`",
	"`tabDV Task`.`_user_tags`",
	"`tabDV Task`.`_comments`",
	"`tabDV Task`.`_assign`",
	"`tabDV Task`.`_liked_by`",
	"`tabDV Task`.`docstatus`",
	"`tabDV Task`.`idx`",
	"`tabDV Task`.`title`",
	"`tabDV Task`.`status`",
	"`tabDV Task`.`deadline_outcome`",
	"`tabDV Task`.`presiding_unit`",
	"`tabDV Task`.`due_date`",
	"`tabDV Task`.`days_late`",
]

LUA = r"""
local requests = {}
local counter = 0
init = function(args)
	for i, line in ipairs(REQUESTS) do
		requests[i] = wrk.format(line[1], line[2], HEADERS, line[3])
	end
end
request = function()
	counter = counter + 1
	return requests[(counter % #requests) + 1]
end
done = function(summary, latency, requests)
	local errors = summary.errors
	io.write(string.format(
		"RESULT requests=%d seconds=%.3f p50=%.1f p95=%.1f p99=%.1f max=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
		summary.requests, summary.duration / 1e6,
		latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000, errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
"""


def lua_string(text: str) -> str:
	return "[==[" + text + "]==]"


class Session:
	def __init__(self, base: str, host: str, user: str, password: str):
		self.base, self.host = base, host
		self.jar = http.cookiejar.CookieJar()
		self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
		status, body = self.call(
			"POST", "/api/method/login", urllib.parse.urlencode({"usr": user, "pwd": password})
		)
		if status != 200:
			sys.exit(f"login {user}: {status} {body}")
		self.cookie = "; ".join(f"{c.name}={c.value}" for c in self.jar)

	def call(self, method: str, path: str, body: str | None = None) -> tuple[int, dict]:
		request = urllib.request.Request(
			self.base + path, data=body.encode() if body else None, method=method
		)
		request.add_header("Host", self.host)
		request.add_header("Accept", "application/json")
		if body:
			request.add_header("Content-Type", "application/x-www-form-urlencoded")
		try:
			with self.opener.open(request, timeout=120) as response:
				return response.status, json.loads(response.read() or b"{}")
		except urllib.error.HTTPError as error:
			return error.code, {"_raw": error.read()[:500].decode("utf-8", "replace")}


def list_path(start: int = 0) -> str:
	query = {
		"doctype": "DV Task",
		"fields": json.dumps(LIST_FIELDS),
		"filters": "[]",
		"order_by": "`tabDV Task`.`modified` desc",
		"start": start,
		"page_length": 20,
		"view": "List",
		"group_by": "",
		"with_comment_count": 1,
	}
	return "/api/method/frappe.desk.reportview.get?" + urllib.parse.urlencode(query)


def form_path(task: str) -> str:
	return "/api/method/frappe.desk.form.load.getdoc?" + urllib.parse.urlencode(
		{"doctype": "DV Task", "name": task}
	)


def report_path(filters: dict) -> str:
	return "/api/method/frappe.desk.query_report.run?" + urllib.parse.urlencode(
		{
			"report_name": "DV Task Deadline Summary",
			"filters": json.dumps(filters),
			"ignore_prepared_report": 0,
		}
	)


def tasks_of(session: Session, count: int, rng: random.Random, presided_by: str | None = None) -> list[dict]:
	"""``count`` tasks the session's user reads (presided by ``presided_by``, if given), drawn from its
	first 2,000 (names and presiding units)."""
	filters = [["DV Task", "name", "like", "BENCH-T%"], ["DV Task", "status", "!=", "Đã hủy"]]
	if presided_by:
		filters.append(["DV Task", "presiding_unit", "=", presided_by])
	query = {
		"doctype": "DV Task",
		"fields": json.dumps(["name", "presiding_unit"]),
		"filters": json.dumps(filters),
		"order_by": "`tabDV Task`.`modified` desc",
		"page_length": 2000,
	}
	status, body = session.call(
		"GET", "/api/method/frappe.desk.reportview.get?" + urllib.parse.urlencode(query)
	)
	assert status == 200, (status, body)
	keys, values = body["message"]["keys"], body["message"]["values"]
	rows = [dict(zip(keys, value, strict=True)) for value in values]
	return rng.sample(rows, min(count, len(rows)))


def check(session: Session, method: str, path: str, body: str, what) -> None:
	status, answer = session.call(method, path, body or None)
	if status != 200 or not what(answer.get("message")):
		sys.exit(f"{method} {path[:120]}: {status} {str(answer)[:500]}")


def run_wrk(
	args,
	name: str,
	session: Session,
	requests: list[tuple[str, str, str]],
	workdir: Path,
	seconds: int | None = None,
) -> dict:
	headers = {"Host": args.host, "Cookie": session.cookie, "Accept": "application/json"}
	if any(method == "POST" for method, _, _ in requests):
		headers["Content-Type"] = "application/x-www-form-urlencoded"
	lua = (
		"HEADERS = {"
		+ ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items())
		+ "}\n"
	)
	lua += "REQUESTS = {\n" + ",\n".join(
		"{" + ", ".join(lua_string(part) if part else "nil" for part in request) + "}" for request in requests
	)
	lua += "\n}\n" + LUA
	script = workdir / f"{name}.lua"
	script.write_text(lua)
	command = [
		args.wrk,
		"-t2",
		f"-c{args.connections}",
		f"-d{seconds or args.seconds}s",
		"--timeout",
		"120s",
		"--latency",
		"-s",
		str(script),
		args.base + "/",
	]
	print(f"$ {' '.join(command)}", flush=True)
	output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
	match = re.search(r"^RESULT (.*)$", output, re.M)
	if not match:
		sys.exit(output)
	figures = {key: float(value) for key, value in (item.split("=") for item in match[1].split())}
	figures["rps"] = figures["requests"] / figures["seconds"]
	figures["errors"] = sum(figures[key] for key in ("non2xx", "connect", "read", "write", "timeout"))
	print(
		f"  {name}: {figures['rps']:.1f} req/s, p95 {figures['p95']:.0f} ms, errors {figures['errors']:.0f}"
	)
	return figures


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--base", default="http://127.0.0.1:8014")
	parser.add_argument("--host", required=True)
	parser.add_argument("--admin-password", default="admin")
	parser.add_argument("--user-password", required=True)
	parser.add_argument("--viewer", default="bench.district@dv.test")
	parser.add_argument("--officer", default="bench.officer@dv.test")
	parser.add_argument(
		"--officer-unit", default="BENCH-U1", help="the officer's unit, which reports on its tasks"
	)
	parser.add_argument("--connections", type=int, default=20)
	parser.add_argument("--seconds", type=int, default=60)
	parser.add_argument("--only", help="comma-separated scenario names")
	parser.add_argument(
		"--alternate",
		type=int,
		default=1,
		help="rounds: the chosen scenarios run in turn this many times (the order reversed every other"
		" round, A B B A …), each --seconds long, after an untimed warm-up of each; medians and spread"
		" are printed, and each round's ratio of the first scenario to the second",
	)
	parser.add_argument("--warmup", type=int, default=5, help="seconds of each warm-up run (--alternate)")
	parser.add_argument("--wrk", default=shutil.which("wrk") or "wrk")
	args = parser.parse_args()
	rng = random.Random(18)

	admin = Session(args.base, args.host, "Administrator", args.admin_password)
	viewer = Session(args.base, args.host, args.viewer, args.user_password)
	officer = Session(args.base, args.host, args.officer, args.user_password)
	viewer_tasks = tasks_of(viewer, 200, rng)
	admin_tasks = tasks_of(admin, 200, rng)
	officer_tasks = tasks_of(officer, 200, rng, presided_by=args.officer_unit)

	lists = [("GET", list_path(start), "") for start in (0, 20, 40, 60)]
	progress = [
		(
			"POST",
			"/api/method/danvan_app.api.tasks.report_progress",
			urllib.parse.urlencode(
				{
					"task": task["name"],
					"unit": task["presiding_unit"],
					"progress": rng.randint(1, 99),
					"narrative": f"Báo cáo tải {i}",
				}
			),
		)
		for i, task in enumerate(officer_tasks)
	]
	scenarios = {
		"list_scoped": (viewer, lists, lambda m: m and len(m["values"]) == 20),
		"list_admin": (admin, lists, lambda m: m and len(m["values"]) == 20),
		"form_scoped": (viewer, [("GET", form_path(t["name"]), "") for t in viewer_tasks], lambda m: True),
		"form_admin": (admin, [("GET", form_path(t["name"]), "") for t in admin_tasks], lambda m: True),
		"summary_scoped": (viewer, [("GET", report_path({}), "")], lambda m: m and m["result"]),
		"summary_admin": (admin, [("GET", report_path({}), "")], lambda m: m and m["result"]),
		"progress_post": (officer, progress, lambda m: m is not None),
	}
	chosen = args.only.split(",") if args.only else list(scenarios)
	for name in chosen:
		session, requests, what = scenarios[name]
		method, path, body = requests[0]
		if method == "GET":  # a form load answers in docs, not message
			status, answer = session.call(method, path)
			found = answer.get("docs") if name.startswith("form") else what(answer.get("message"))
			if status != 200 or not found:
				sys.exit(f"{name}: {status} {str(answer)[:500]}")
		else:
			check(session, method, path, body, what)
	if args.alternate > 1:
		alternate(args, chosen, scenarios, users_of(args))
		return
	results = {}
	with tempfile.TemporaryDirectory() as workdir:
		for name in chosen:
			session, requests, _what = scenarios[name]
			results[name] = run_wrk(args, name, session, requests, Path(workdir))
	print("\n| scenario | user | req/s | p50 ms | p95 ms | p99 ms | requests | errors |")
	print("|---|---|---|---|---|---|---|---|")
	users = users_of(args)
	for name, figures in results.items():
		user = users[name.rsplit("_", 1)[1]]
		print(
			f"| {name} | {user} | {figures['rps']:.1f} | {figures['p50']:.0f} | {figures['p95']:.0f} |"
			f" {figures['p99']:.0f} | {figures['requests']:.0f} | {figures['errors']:.0f} |"
		)


def users_of(args) -> dict:
	return {"scoped": args.viewer, "admin": "Administrator", "post": args.officer}


def alternate(args, chosen: list[str], scenarios: dict, users: dict) -> None:
	"""The chosen scenarios in turn, ``--alternate`` rounds (A B, B A, A B …) after a warm-up of each:
	on a machine whose load drifts from one minute to the next, each round's neighbours ran under the
	same conditions, so their ratio and the medians over rounds say more than one long run each."""
	import statistics

	runs: dict[str, list[dict]] = {name: [] for name in chosen}
	ratios = []
	with tempfile.TemporaryDirectory() as workdir:
		for name in chosen:
			session, requests, _what = scenarios[name]
			run_wrk(args, f"{name}-warmup", session, requests, Path(workdir), seconds=args.warmup)
		for round_ in range(args.alternate):
			order = chosen if round_ % 2 == 0 else chosen[::-1]
			this_round = {}
			for name in order:
				session, requests, _what = scenarios[name]
				this_round[name] = run_wrk(args, f"{name}-{round_ + 1}", session, requests, Path(workdir))
				runs[name].append(this_round[name])
			if len(chosen) >= 2:
				ratio = this_round[chosen[0]]["rps"] / this_round[chosen[1]]["rps"]
				ratios.append(ratio)
				print(f"  round {round_ + 1}: {chosen[0]} ÷ {chosen[1]} = {ratio:.3f} (req/s)", flush=True)

	def spread(values: list[float], digits: int = 0) -> str:
		median = statistics.median(values)
		return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"

	print(
		f"\n{args.alternate} rounds of {args.seconds} s each, {args.connections} connections; median (min–max)"
	)
	print("\n| scenario | user | req/s | p50 ms | p95 ms | p99 ms | requests | errors |")
	print("|---|---|---|---|---|---|---|---|")
	for name, figures in runs.items():
		user = users[name.rsplit("_", 1)[1]]
		print(
			f"| {name} | {user} | {spread([f['rps'] for f in figures], 1)} |"
			f" {spread([f['p50'] for f in figures])} | {spread([f['p95'] for f in figures])} |"
			f" {spread([f['p99'] for f in figures])} | {sum(f['requests'] for f in figures):.0f} |"
			f" {sum(f['errors'] for f in figures):.0f} |"
		)
	if ratios:
		above = sum(1 for ratio in ratios if ratio >= 1)
		print(
			f"\n{chosen[0]} ÷ {chosen[1]}, req/s of the same round: median {statistics.median(ratios):.3f},"
			f" min {min(ratios):.3f}, max {max(ratios):.3f}; ≥ 1 in {above} of {len(ratios)} rounds"
		)
		print("rounds: " + ", ".join(f"{ratio:.3f}" for ratio in ratios))


if __name__ == "__main__":
	main()
