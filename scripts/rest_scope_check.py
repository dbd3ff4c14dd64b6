"""Check unit scope through real HTTP requests to a running site (not a CI test).

    python scripts/rest_scope_check.py --base http://127.0.0.1:8011 --host SITE --password admin

As Administrator it creates a province with two districts, a task in each district and one the province
presides with district 1 coordinating, and a district-1 officer granted district 1. Then, logged in as that
officer over HTTP, it lists and reads tasks through /api/resource and /api/method, tries to change a sibling
district's task, and prints every case with what was expected and what the site answered.
"""

import argparse
import http.cookiejar
import json
import time
import urllib.error
import urllib.parse
import urllib.request


class Client:
	def __init__(self, base: str, host: str):
		self.base, self.host = base, host
		self.opener = urllib.request.build_opener(
			urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
		)

	def call(self, method: str, path: str, data: dict | None = None, params: dict | None = None):
		url = self.base + urllib.parse.quote(path) + ("?" + urllib.parse.urlencode(params) if params else "")
		body = json.dumps(data).encode() if data is not None else None
		request = urllib.request.Request(url, data=body, method=method)
		request.add_header("Host", self.host)
		request.add_header("Accept", "application/json")
		if body is not None:
			request.add_header("Content-Type", "application/json")
		try:
			with self.opener.open(request) as response:
				return response.status, json.loads(response.read() or b"{}")
		except urllib.error.HTTPError as error:
			return error.code, json.loads(error.read() or b"{}")

	def login(self, user: str, password: str):
		status, _ = self.call("POST", "/api/method/login", {"usr": user, "pwd": password})
		assert status == 200, f"login {user}: {status}"


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--base", default="http://127.0.0.1:8011")
	parser.add_argument("--host", required=True)
	parser.add_argument("--password", default="admin")
	args = parser.parse_args()

	admin = Client(args.base, args.host)
	admin.login("Administrator", args.password)

	def make(doctype, values):
		status, body = admin.call("POST", f"/api/resource/{doctype}", values)
		assert status == 200, (doctype, status, body)
		return body["data"]["name"]

	run = time.strftime("%H%M%S")  # every run makes its own units and officer, so runs do not mix
	province = make("DV Unit", {"unit_name": f"Tỉnh HTTP {run}", "unit_kind": "Cấp ủy Đảng"})
	district1 = make(
		"DV Unit",
		{"unit_name": f"Huyện HTTP 1 {run}", "unit_kind": "Cấp ủy Đảng", "parent_dv_unit": province},
	)
	district2 = make(
		"DV Unit",
		{"unit_name": f"Huyện HTTP 2 {run}", "unit_kind": "Cấp ủy Đảng", "parent_dv_unit": province},
	)
	own = make("DV Task", {"title": "Việc của huyện 1", "presiding_unit": district1})
	sibling = make("DV Task", {"title": "Việc của huyện 2", "presiding_unit": district2})
	coordinated = make(
		"DV Task",
		{
			"title": "Tỉnh chủ trì, huyện 1 phối hợp",
			"presiding_unit": province,
			"coordinating_units": [{"unit": district1}],
		},
	)
	officer = f"http.officer.{run}@dv.test"
	status, _ = admin.call("GET", f"/api/resource/User/{officer}")
	if status != 200:
		make(
			"User",
			{
				"email": officer,
				"first_name": "Cán bộ HTTP",
				"send_welcome_email": 0,
				"new_password": "Dv-http-2026!",
				"roles": [{"role": "DV Officer"}],
			},
		)
	status, body = admin.call(
		"POST", "/api/method/danvan_app.api.access.grant_unit_access", {"user": officer, "units": [district1]}
	)
	assert status == 200, body

	user = Client(args.base, args.host)
	user.login(officer, "Dv-http-2026!")
	cases = []
	status, body = user.call(
		"GET",
		"/api/resource/DV Task",
		params={"limit_page_length": 0, "filters": json.dumps([["name", "in", [own, sibling, coordinated]]])},
	)
	listed = {row["name"] for row in body.get("data", [])}
	cases.append(
		(
			"GET /api/resource/DV Task lists own + coordinated only",
			listed == {own, coordinated},
			sorted(listed),
		)
	)
	for name, readable in ((own, True), (coordinated, True), (sibling, False)):
		status, _ = user.call("GET", f"/api/resource/DV Task/{name}")
		cases.append(
			(
				f"GET /api/resource/DV Task/{name} → {'200' if readable else '403'}",
				(status == 200) == readable,
				status,
			)
		)
		status, _ = user.call(
			"GET", "/api/method/frappe.client.get", params={"doctype": "DV Task", "name": name}
		)
		cases.append((f"GET /api/method/frappe.client.get {name}", (status == 200) == readable, status))
	for name, writable in ((own, True), (coordinated, False), (sibling, False)):
		status, _ = user.call("PUT", f"/api/resource/DV Task/{name}", {"description": "Sửa qua HTTP"})
		cases.append(
			(
				f"PUT /api/resource/DV Task/{name} → {'200' if writable else 'refused'}",
				(status == 200) == writable,
				status,
			)
		)
	status, _ = user.call(
		"POST",
		"/api/method/danvan_app.api.tasks.report_progress",
		{"task": coordinated, "unit": district1, "progress": 40, "narrative": "Qua HTTP"},
	)
	cases.append(("POST report_progress for own coordinating unit", status == 200, status))
	status, _ = user.call(
		"POST",
		"/api/method/danvan_app.api.tasks.report_progress",
		{"task": coordinated, "unit": province, "progress": 90},
	)
	cases.append(("POST report_progress on behalf of the province → refused", status != 200, status))
	status, body = user.call(
		"GET",
		"/api/method/frappe.desk.query_report.run",
		params={"report_name": "DV Task Deadline Summary", "filters": "{}"},
	)
	units = {row.get("unit") for row in body.get("message", {}).get("result", []) if isinstance(row, dict)}
	cases.append(
		(
			"report over HTTP counts the presiding units of exactly the tasks the officer sees",
			status == 200 and units - {None} == {district1, province},
			sorted(u for u in units if u),
		)
	)
	status, body = admin.call("GET", f"/api/resource/DV Task/{sibling}")
	cases.append(
		(
			"sibling task unchanged",
			body["data"].get("description") in (None, ""),
			body["data"].get("description"),
		)
	)

	failed = 0
	for label, ok, seen in cases:
		failed += not ok
		print(f"{'ok  ' if ok else 'FAIL'} {label} (site answered: {seen})")
	print(f"{len(cases) - failed} passed, {failed} failed")
	raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
	main()
