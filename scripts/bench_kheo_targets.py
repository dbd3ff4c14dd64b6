"""Benchmark of the report "Mô hình Dân vận khéo theo chỉ tiêu" on generated data (not a test).

Run from the bench's sites folder with the bench's Python, on a site that has danvan_app installed and
nothing you care about (it writes thousands of units and 250k+ models, and commits them):

    cd frappe-bench/sites && ../env/bin/python ../apps/danvan_app/scripts/bench_kheo_targets.py \
        --site SITE --units 3000 --models 25000 --scale 10

It measures the report (``execute({"year": Y})``, which calls ``danvan_app.kheo_targets.standing_rows``)
at N models and at N × scale models over the same units, as the Administrator (every unit) and as a DV Unit
Manager granted one mid-level unit with its descendants: seconds (best of --repeat), the number of
``frappe.db.sql`` calls and the seconds spent inside them, next to the equal hand-written SQL (the same
LEFT JOIN, GROUP BY and CASE counts, the same scope, plus the read of the targets) timed in the same run.
Before timing, it checks that the report and the hand-written SQL give the same units with the same counts
(registered, approved, recognised, replicated), so the two do the same work.
"""

import argparse
import random
import time
from datetime import timedelta

import frappe

PROVINCE, CAPITAL_LEVEL, COMMUNE_LEVEL = "BENCH-U0", "Tỉnh, thành phố", "Xã, phường, đặc khu"
# The mid-level unit the scoped user is granted, with its descendants.
SCOPED_ROOT = "BENCH-U1"
SCOPED_USER = "bench.kheo.manager@dv.test"

# Unit kinds (DV Unit Kind records) and how often each occurs; the shipped targets cover the first two.
MID_KINDS = {
	"Cơ quan nhà nước, sở, ban, ngành": 12,
	"Ủy ban nhân dân": 6,
	"Cấp ủy Đảng": 4,
	"Mặt trận Tổ quốc": 3,
	"Tổ chức chính trị - xã hội, hội quần chúng": 3,
	"Lực lượng vũ trang": 2,
}
COMMUNE_KINDS = {
	"Ủy ban nhân dân": 30,
	"Cấp ủy Đảng": 20,
	"Mặt trận Tổ quốc": 15,
	"Tổ chức chính trị - xã hội, hội quần chúng": 15,
	"Cơ quan nhà nước, sở, ban, ngành": 10,
	"Trường học": 7,
	"Doanh nghiệp": 3,
}
FIELDS = (
	"Kinh tế",
	"Văn hóa – xã hội",
	"Quốc phòng – an ninh",
	"Xây dựng hệ thống chính trị",
	"Xây dựng nông thôn mới",
	"Bảo vệ môi trường",
	"Vệ sinh an toàn thực phẩm",
	"Bảo hiểm y tế toàn dân",
	"Chuyển đổi số",
)
# The shipped workflow states and how often each occurs; the last three are submitted documents.
STATUSES = {
	"Đăng ký": 20,
	"Trả lại để bổ sung": 5,
	"Đã duyệt": 15,
	"Đang triển khai": 20,
	"Đã đánh giá": 8,
	"Được công nhận": 20,
	"Không công nhận": 5,
	"Không duyệt": 7,
}
SUBMITTED = frozenset({"Được công nhận", "Không công nhận", "Không duyệt"})


class QueryCounter:
	"""Counts frappe.db.sql calls and the seconds spent in them: the number must not grow with the data."""

	def __init__(self):
		self.count, self.seconds = 0, 0.0

	def __enter__(self):
		self.original = frappe.db.sql

		def counted(*args, **kwargs):
			self.count += 1
			start = time.perf_counter()
			try:
				return self.original(*args, **kwargs)
			finally:
				self.seconds += time.perf_counter() - start

		frappe.db.sql = counted
		return self

	def __exit__(self, *exc):
		frappe.db.sql = self.original


def measure(fn, repeat: int) -> tuple[float, int, float]:
	"""Best of ``repeat``: seconds, then the queries and the seconds inside frappe.db.sql of that run."""
	best = (float("inf"), 0, 0.0)
	for _ in range(repeat):
		with QueryCounter() as counter:
			start = time.perf_counter()
			fn()
			elapsed = time.perf_counter() - start
		if elapsed < best[0]:
			best = (elapsed, counter.count, counter.seconds)
	return best


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
	return rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


def make_units(count: int, rng: random.Random) -> list[str]:
	"""A province, ~30 mid-level units and communes under them in one bulk insert, then one tree rebuild."""
	from frappe.utils.nestedset import rebuild_tree

	now, rows = frappe.utils.now_datetime(), []

	def unit(name, title, abbreviation, kind, level, parent, is_group):
		owner = "Administrator"
		rows.append((name, now, now, owner, owner, title, abbreviation, kind, level, parent, is_group, 1))
		return name

	names = [unit(PROVINCE, "Tỉnh thử", "TT", "Cấp ủy Đảng", CAPITAL_LEVEL, None, 1)]
	mids = max(1, count // 100)
	for m in range(1, mids + 1):
		kind = weighted(rng, MID_KINDS)
		names.append(unit(f"BENCH-U{m}", f"Đơn vị cấp tỉnh {m}", f"CT{m}", kind, CAPITAL_LEVEL, PROVINCE, 1))
	for c in range(mids + 1, count):
		kind, parent = weighted(rng, COMMUNE_KINDS), f"BENCH-U{rng.randint(1, mids)}"
		names.append(unit(f"BENCH-U{c}", f"Đơn vị cấp xã {c}", None, kind, COMMUNE_LEVEL, parent, 0))
	fields = ("name", "creation", "modified", "owner", "modified_by", "unit_name", "abbreviation")
	fields += ("unit_kind", "admin_level", "parent_dv_unit", "is_group", "enabled")
	frappe.db.bulk_insert("DV Unit", fields, rows)
	rebuild_tree("DV Unit")
	return names


def make_models(first: int, count: int, units: list[str], year: int, rng: random.Random) -> None:
	"""``count`` models, 85 % of them of ``year``, registered by 70 % of the units (the rest register
	none, so units of a kind without a target drop out of the report); 12 % replicate an earlier model,
	1 % are cancelled."""
	active = units[: int(len(units) * 0.7)]
	now, rows = frappe.utils.now_datetime(), []
	for i in range(first, first + count):
		status = weighted(rng, STATUSES)
		docstatus = 1 if status in SUBMITTED else 0
		if rng.random() < 0.01:
			docstatus = 2
		model_year = year if rng.random() < 0.85 else rng.choice((year - 2, year - 1, year + 1))
		replicated_from = f"BENCH-M{rng.randrange(i)}" if i and rng.random() < 0.12 else None
		created = now - timedelta(minutes=count - i + first)
		rows.append(
			(
				f"BENCH-M{i}",
				created,
				created,
				"Administrator",
				"Administrator",
				docstatus,
				f"Mô hình thử {i}",
				rng.choice(active),
				model_year,
				rng.choice(FIELDS),
				"Tập thể" if rng.random() < 0.8 else "Cá nhân",
				status,
				replicated_from,
			)
		)
	fields = ("name", "creation", "modified", "owner", "modified_by", "docstatus", "title")
	fields += ("registering_unit", "year", "kheo_field", "model_type", "status", "replicated_from")
	frappe.db.bulk_insert("DV Kheo Model", fields, rows)


# The report's query by hand: the same LEFT JOIN, GROUP BY and CASE counts; a unit with no model of the
# year stays only if a target applies to it (the most specific target is the report's business, whether
# one applies is not). Values go in as %(name)s parameters.
RAW_SQL = """
select u.name, u.unit_name, u.abbreviation, u.unit_kind, u.admin_level, u.dan_van_leader,
	count(m.name),
	sum(case when m.status not in ('Không duyệt', 'Trả lại để bổ sung') then 1 else 0 end),
	sum(case when m.status not in ('Đăng ký', 'Trả lại để bổ sung', 'Không duyệt') then 1 else 0 end),
	sum(case when m.status = 'Được công nhận' then 1 else 0 end),
	sum(case when m.status not in ('Không duyệt', 'Trả lại để bổ sung')
		and m.replicated_from is not null and m.replicated_from != '' then 1 else 0 end)
from `tabDV Unit` u
left join `tabDV Kheo Model` m on m.registering_unit = u.name and m.year = %(year)s and m.docstatus < 2
where u.enabled = 1 and (u.valid_to is null or u.valid_to >= %(open_on)s) {scope}
group by u.name, u.unit_name, u.abbreviation, u.unit_kind, u.admin_level, u.dan_van_leader
having count(m.name) > 0 or exists (select 1 from `tabDV Kheo Target` t where t.unit_kind = u.unit_kind
	and (ifnull(t.admin_level, '') = '' or t.admin_level = u.admin_level)
	and ifnull(t.year, 0) in (0, %(year)s))
"""
# The scoped user's units, found by hand in the tree: the subtree of the unit they were granted.
SUBTREE_SCOPE = """and u.lft >= (select r.lft from `tabDV Unit` r where r.name = %(root)s)
	and u.rgt <= (select r.rgt from `tabDV Unit` r where r.name = %(root)s)"""
TARGETS_SQL = """select unit_kind, admin_level, year, min_registered, min_recognised
from `tabDV Kheo Target`"""
COUNTS = ("registered", "approved", "recognised", "replicated")


def raw_report(year: int, root: str | None) -> tuple[tuple, tuple]:
	from danvan_app.kheo_targets import open_on

	values = {"year": year, "open_on": open_on(year), "root": root}
	rows = frappe.db.sql(RAW_SQL.format(scope=SUBTREE_SCOPE if root else ""), values)
	return rows, frappe.db.sql(TARGETS_SQL)


def same_rows(report_rows, raw_rows) -> list[tuple]:
	"""The report's rows and the hand-written rows as (unit, unit name, counts): they must be equal."""
	mine = sorted((row.unit, row.unit_name, *(row[key] for key in COUNTS)) for row in report_rows)
	theirs = sorted((row[0], row[1], *(int(value or 0) for value in row[7:11])) for row in raw_rows)
	assert mine == theirs, f"{len(mine)} report rows, {len(theirs)} hand-written rows, not the same"
	return mine


def run_round(label: str, year: int, repeat: int) -> list[tuple]:
	from danvan_app.dv_kheo.report.dv_kheo_targets.dv_kheo_targets import execute
	from danvan_app.reports.totals import without_totals

	n = frappe.db.count("DV Kheo Model")
	of_year = frappe.db.count("DV Kheo Model", {"year": year, "docstatus": ["<", 2]})
	results = []
	for who, user, root in (
		("Administrator", "Administrator", None),
		("DV Unit Manager, one mid unit", SCOPED_USER, SCOPED_ROOT),
	):
		frappe.set_user(user)
		report_rows = without_totals(execute({"year": year})[1])
		frappe.set_user("Administrator")
		rows = same_rows(report_rows, raw_report(year, root)[0])
		below = sum(row.below_target for row in report_rows)
		print(
			f"{label}: {who}: {len(rows)} units ({below} below target, {sum(r[2] for r in rows)} models"
			f" counted of {of_year} of {year}), the same rows as the hand-written SQL"
		)
		frappe.set_user(user)
		report_s, report_q, report_sql_s = measure(lambda: execute({"year": year}), repeat)
		frappe.set_user("Administrator")
		raw_s, raw_q, _s = measure(lambda root=root: raw_report(year, root), repeat)
		results.append((label, n, who, len(rows), report_s, report_q, report_sql_s, raw_s, raw_q))
	return results


def scoped_user() -> str:
	"""A DV Unit Manager granted the mid-level unit SCOPED_ROOT with its descendants."""
	from danvan_app.api.access import grant_unit_access

	if not frappe.db.exists("User", SCOPED_USER):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": SCOPED_USER,
				"first_name": "Bench",
				"send_welcome_email": 0,
				"roles": [{"role": "DV Unit Manager"}],
			}
		).insert()
	frappe.db.delete("User Permission", {"user": SCOPED_USER})
	grant_unit_access(SCOPED_USER, [SCOPED_ROOT], with_descendants=1)
	return SCOPED_USER


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--units", type=int, default=3000)
	parser.add_argument("--models", type=int, default=25000)
	parser.add_argument("--scale", type=int, default=10)
	parser.add_argument("--repeat", type=int, default=3)
	parser.add_argument("--year", type=int, help="the report's year (default: this year)")
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	rng = random.Random(2026)
	year = args.year or frappe.utils.getdate(frappe.utils.today()).year
	try:
		frappe.db.sql("delete from `tabDV Kheo Model` where name like 'BENCH-%%'")
		frappe.db.sql("delete from `tabDV Unit` where name like 'BENCH-%%'")
		targets = frappe.db.sql(TARGETS_SQL)
		print(f"targets on the site: {len(targets)}: {', '.join(sorted(row[0] for row in targets))}")
		start = time.perf_counter()
		with QueryCounter() as counter:
			units = make_units(args.units, rng)
		elapsed = time.perf_counter() - start
		print(f"units: {len(units)} inserted and tree rebuilt in {elapsed:.2f} s, {counter.count} queries")
		scoped_user()
		frappe.db.commit()
		in_scope = frappe.db.sql(
			f"select count(*) from `tabDV Unit` u where 1 {SUBTREE_SCOPE}", {"root": SCOPED_ROOT}
		)
		print(f"scoped user: {SCOPED_ROOT} and its descendants, {in_scope[0][0]} units")

		rows = []
		start = time.perf_counter()
		make_models(0, args.models, units, year, rng)
		frappe.db.commit()
		print(f"models: {args.models} inserted in {time.perf_counter() - start:.2f} s")
		rows += run_round("N", year, args.repeat)
		start = time.perf_counter()
		make_models(args.models, args.models * (args.scale - 1), units, year, rng)
		frappe.db.commit()
		print(
			f"models: {args.models * (args.scale - 1)} more inserted in {time.perf_counter() - start:.2f} s"
		)
		rows += run_round(f"{args.scale}N", year, args.repeat)

		print(f"\nyear {year}; seconds are the best of {args.repeat}")
		print(
			"\n| round | models | user | rows | report s | queries | of which in db.sql s | raw SQL s"
			" | raw queries | ratio |"
		)
		print("|---|---|---|---|---|---|---|---|---|---|")
		for label, n, who, count, secs, queries, sql_s, raw_s, raw_q in rows:
			print(
				f"| {label} | {n} | {who} | {count} | {secs:.3f} | {queries} | {sql_s:.3f} | {raw_s:.3f}"
				f" | {raw_q} | {secs / raw_s:.2f}× |"
			)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
