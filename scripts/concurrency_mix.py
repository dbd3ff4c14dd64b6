"""Many officials at once on one family of tasks (issue 18; a measurement run by hand, not a CI test).

Needs a site served on 127.0.0.1 (gunicorn, several workers) with danvan_app installed:

    python scripts/concurrency_mix.py --base http://127.0.0.1:8013 --host SITE --password ADMIN_PASSWORD \
        --threads 20 --seconds 60

It makes, through the REST API as the Administrator, a province, 20 communes and a task family (a parent
presided by the province, one sub-task per commune, each coordinated by two other communes). Then THREADS
threads, each with its own session, for SECONDS seconds, pick at random:

- 70 %: a progress report (``api.tasks.report_progress``) on a sub-task or the parent, by its presiding
  unit or one of its coordinating units, with a unique narrative;
- 20 %: a leader's edit of a task's description the way the form does it: read the task, then PUT the new
  text with the ``modified`` value read (Frappe refuses it with TimestampMismatchError if the task was saved
  in between);
- 10 %: an extension request on a sub-task and, right after, its decision.

Then it reads every task back and prints, per kind of request: answered 200, refused as a conflict
(TimestampMismatchError), deadlocks (QueryDeadlockError), other refusals, HTTP 5xx, no answer; lost reports
(a 200 whose row is missing), duplicated reports (a row twice), description edits whose text is none of the
accepted ones, and how many edits were accepted. An edit conflicts only with another edit or an extension of
the same task (each saves the whole task); a report saves no task. With ``--own-tasks`` each thread edits
and extends only its own task (20 threads, 21 tasks): no two edits meet, so every refused edit would be one
refused because of the reports.
"""

import argparse
import collections
import json
import random
import secrets
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bad_input_probe import Client

PARTY = "Cấp ủy Đảng"
CONFLICT, DEADLOCK = "TimestampMismatchError", "QueryDeadlockError"
PENDING = "Chờ duyệt"  # domain.tasks.EXTENSION_PENDING


def exc_type(body: dict) -> str:
	return str(body.get("exc_type") or "")


class Mix:
	def __init__(self, args):
		self.args = args
		self.run = time.strftime("%H%M%S") + secrets.token_hex(2)
		self.admin = Client(args.base, args.host, "admin")
		self.admin.login("Administrator", args.password)
		self.lock = threading.Lock()
		self.tally = collections.defaultdict(collections.Counter)
		self.reports: list[tuple[str, str]] = []  # (task, narrative) answered 200
		self.edits: dict[str, list[str]] = collections.defaultdict(list)  # task -> accepted descriptions
		self.samples: dict[str, str] = {}

	def make(self, doctype: str, values: dict) -> dict:
		status, body = self.admin.call("POST", f"/api/resource/{doctype}", values)
		assert status == 200, (doctype, status, str(body)[:600])
		return body["data"]

	def build(self):
		province = self.make("DV Unit", {"unit_name": f"Tỉnh thử {self.run}", "unit_kind": PARTY})["name"]
		self.communes = [
			self.make(
				"DV Unit",
				{"unit_name": f"Xã thử {i} {self.run}", "unit_kind": PARTY, "parent_dv_unit": province},
			)["name"]
			for i in range(20)
		]
		parent = self.make(
			"DV Task",
			{
				"title": f"Nhiệm vụ chung {self.run}",
				"presiding_unit": province,
				"deadline_kind": "Ngày cụ thể",
				"due_date": "2027-12-31",
				"rollup_method": "Trung bình",
			},
		)
		self.units_of = {parent["name"]: [province]}
		self.subtasks = []
		for i, commune in enumerate(self.communes):
			others = [self.communes[(i + 1) % 20], self.communes[(i + 2) % 20]]
			task = self.make(
				"DV Task",
				{
					"title": f"Nhiệm vụ xã {i} {self.run}",
					"presiding_unit": commune,
					"parent_task": parent["name"],
					"deadline_kind": "Ngày cụ thể",
					"due_date": "2027-06-30",
					"coordinating_units": [{"unit": unit} for unit in others],
				},
			)
			self.subtasks.append(task["name"])
			self.units_of[task["name"]] = [commune, *others]
		self.parent = parent["name"]

	def note(self, kind: str, status: int, body: dict) -> bool:
		with self.lock:
			counter = self.tally[kind]
			counter["requests"] += 1
			if status == 200:
				counter["200"] += 1
			elif status == 0 or status == -1:
				counter["no answer"] += 1
			elif exc_type(body) == CONFLICT:
				counter["conflict"] += 1
			elif exc_type(body) == DEADLOCK:
				counter["deadlock"] += 1
				counter["5xx" if status >= 500 else "refused"] += 1
			elif status >= 500:
				counter["5xx"] += 1
				self.samples.setdefault(f"{kind} 5xx", str(body)[:400])
			else:
				counter["refused"] += 1
				self.samples.setdefault(f"{kind} {status} {exc_type(body)}", str(body)[:400])
		return status == 200

	def report(self, client: Client, rng: random.Random):
		task = rng.choice([*self.subtasks, self.parent])
		unit = rng.choice(self.units_of[task])
		narrative = f"báo cáo {self.run} {secrets.token_hex(6)}"
		status, body = client.call(
			"POST",
			"/api/method/danvan_app.api.tasks.report_progress",
			{"task": task, "unit": unit, "progress": rng.randint(1, 99), "narrative": narrative},
		)
		if self.note("progress report", status, body):
			with self.lock:
				self.reports.append((task, narrative))

	def edited_task(self, rng: random.Random, thread: int, tasks: list[str]) -> str:
		# --own-tasks: each thread edits only its own task, so an edit can meet no other edit and a refused
		# one was refused because of a progress report.
		return tasks[thread % len(tasks)] if self.args.own_tasks else rng.choice(tasks)

	def edit(self, client: Client, rng: random.Random, thread: int):
		task = self.edited_task(rng, thread, [*self.subtasks, self.parent])
		status, body = client.call("GET", f"/api/resource/DV Task/{task}")
		if not self.note("form load", status, body):
			return
		time.sleep(rng.uniform(0.05, 0.3))  # the leader types
		text = f"<p>mô tả {self.run} {secrets.token_hex(6)}</p>"
		status, body = client.call(
			"PUT",
			f"/api/resource/DV Task/{task}",
			{"description": text, "modified": body["data"]["modified"]},
		)
		if self.note("description edit", status, body):
			with self.lock:
				self.edits[task].append(text)

	def extension(self, client: Client, rng: random.Random, thread: int):
		task = self.edited_task(rng, thread, self.subtasks)
		status, body = client.call(
			"POST",
			"/api/method/danvan_app.api.tasks.request_extension",
			{"task": task, "requested_due_date": "2027-09-30", "reason": f"gia hạn {self.run}"},
		)
		if not self.note("extension request", status, body):
			return
		status, body = client.call("GET", f"/api/resource/DV Task/{task}")
		pending = [
			row["name"]
			for row in (body.get("data") or {}).get("extensions", [])
			if row.get("decision") in (None, "", PENDING)
		]
		if pending:
			status, body = client.call(
				"POST",
				"/api/method/danvan_app.api.tasks.decide_extension",
				{"task": task, "request": pending[-1], "approve": rng.choice([0, 1])},
			)
			self.note("extension decision", status, body)

	def worker(self, seed: int, until: float):
		rng = random.Random(seed)
		client = Client(self.args.base, self.args.host, f"t{seed}")
		client.login("Administrator", self.args.password)
		while time.time() < until:
			roll = rng.random()
			if roll < 0.7:
				self.report(client, rng)
			elif roll < 0.9:
				self.edit(client, rng, seed)
			else:
				self.extension(client, rng, seed)

	def check(self) -> dict:
		found = collections.Counter()
		descriptions = {}
		for task in [self.parent, *self.subtasks]:
			status, body = self.admin.call("GET", f"/api/resource/DV Task/{task}")
			assert status == 200, (task, status)
			data = body["data"]
			descriptions[task] = data.get("description") or ""
			for row in data.get("progress_updates") or []:
				found[(task, row.get("narrative"))] += 1
		lost = sum(1 for key in self.reports if found[key] == 0)
		duplicated = sum(1 for key in self.reports if found[key] > 1)
		edits_lost = sum(
			1 for task, accepted in self.edits.items() if accepted and descriptions[task] not in accepted
		)
		return {"lost reports": lost, "duplicated reports": duplicated, "edits overwritten": edits_lost}


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--base", default="http://127.0.0.1:8013")
	parser.add_argument("--host", required=True)
	parser.add_argument("--password", default="admin")
	parser.add_argument("--threads", type=int, default=20)
	parser.add_argument("--seconds", type=int, default=60)
	parser.add_argument("--own-tasks", action="store_true", help="each thread edits only its own task")
	args = parser.parse_args()
	mix = Mix(args)
	mix.build()
	until = time.time() + args.seconds
	threads = [threading.Thread(target=mix.worker, args=(i, until)) for i in range(args.threads)]
	started = time.time()
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	elapsed = time.time() - started
	result = mix.check()
	columns = ("requests", "200", "conflict", "deadlock", "refused", "5xx", "no answer")
	print(f"run {mix.run}: {args.threads} threads, {elapsed:.0f} s, on {args.host}")
	print(f"{'request':22}" + "".join(f"{c:>11}" for c in columns))
	for kind, counter in sorted(mix.tally.items()):
		print(f"{kind:22}" + "".join(f"{counter[c]:>11}" for c in columns))
	edits = mix.tally["description edit"]
	accepted = edits["200"] / edits["requests"] if edits["requests"] else 0
	print(json.dumps(result, ensure_ascii=False), f"edits accepted {accepted:.1%}")
	for key, sample in mix.samples.items():
		print(f"sample {key}: {sample}")
	bad = result["lost reports"] or result["duplicated reports"] or result["edits overwritten"]
	bad = bad or any(counter["5xx"] for counter in mix.tally.values())
	sys.exit(1 if bad else 0)


if __name__ == "__main__":
	main()
