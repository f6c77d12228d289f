"""Rebuild the bundled demo site (`pipelines/demo_data/`) from a folder of source files.

Run once by a developer, never at run time:
    python -m pipelines.demo_build SOURCE_DIR pipelines/demo_data

It copies real responses (Greenhouse board, schema.org examples, Open Badges 2.0/3.0, CTDL,
Coursera `linked` courses) and rebuilds the 140 whole job ads of SkillSpan's training split
(de-identified, MIT) as career-site pages with JobPosting JSON-LD. Catalogue kinds without a real
example (Coursera pages, Udacity, Credly, an educator micro-credential in CTDL) are served from the
constructed files in `constructed_catalogs/` (see `PROVENANCE.md`).
Pages name the fictional origin `DEMO_ORIGIN`; the demo spiders crawl the local server as a mirror
of it (`-a base_url=`), so ids and URLs stay the same whatever port the server gets.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

DEMO_ORIGIN = "https://demo.skillsignal.example"
_PLACEHOLDER = re.compile(r"\s*<(ORGANIZATION|ADDRESS|LOCATION|PERSON|URL|EMAIL|PHONE)>\s*")
_DATE_POSTED = re.compile(r"^Date posted:\s*(\d{4}-\d{2}-\d{2})$")
#: Folders of `out` that `build_catalogs` rewrites.
CATALOG_FOLDERS = ("coursera", "udacity", "credly", "badges", "ctdl")
_JSON_BLOCK = re.compile(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', re.S)


def _strip_placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(" ", text).strip()


def _posting_page(idx: int, sentences: list[str], source_split: str) -> tuple[str, dict] | None:
    title = _strip_placeholders(sentences[0])
    if not title:
        return None
    date_posted = None
    body: list[str] = []
    for sentence in sentences[1:]:
        match = _DATE_POSTED.match(sentence)
        if match:
            date_posted = match.group(1)
            continue
        cleaned = _strip_placeholders(sentence)
        if cleaned:
            body.append(cleaned)
    description = "\n".join(f"<p>{html.escape(line)}</p>" for line in body)
    posting: dict[str, object] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": title,
        "description": description,
        "identifier": {
            "@type": "PropertyValue",
            "name": "skillspan",
            "value": f"{source_split}-{idx}",
        },
        "url": f"{DEMO_ORIGIN}/careers/jobs/{idx}.html",
    }
    if date_posted:
        posting["datePosted"] = date_posted
    page = _html_page(title, posting)
    return page, posting


def _html_page(title: str, *objects: dict) -> str:
    blocks = "\n".join(
        '<script type="application/ld+json">\n'
        f"{json.dumps(obj, ensure_ascii=False, indent=1)}\n</script>"
        for obj in objects
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>\n{blocks}\n</head>"
        f"<body><h1>{html.escape(title)}</h1></body></html>\n"
    )


def _sitemap(urls: list[str]) -> str:
    entries = "\n".join(f"  <url><loc>{url}</loc></url>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</urlset>\n"
    )


def build_careers(skillspan_jsonl: Path, out: Path) -> int:
    """Write one JobPosting page per SkillSpan posting plus a sitemap; return the page count."""
    postings: dict[int, list[str]] = defaultdict(list)
    splits: dict[int, str] = {}
    for line in skillspan_jsonl.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        postings[record["idx"]].append(" ".join(record["tokens"]))
        splits[record["idx"]] = record["source"]
    jobs = out / "careers" / "jobs"
    jobs.mkdir(parents=True, exist_ok=True)
    urls = []
    for idx in sorted(postings):
        built = _posting_page(idx, postings[idx], splits[idx])
        if built is None:
            continue
        page, _ = built
        (jobs / f"{idx}.html").write_text(page, encoding="utf-8")
        urls.append(f"{DEMO_ORIGIN}/careers/jobs/{idx}.html")
    (out / "careers" / "sitemap.xml").write_text(_sitemap(urls), encoding="utf-8")
    return len(urls)


def build_courses(shared: Path, constructed: Path, out: Path) -> int:
    """Write schema.org Course/credential example pages and the constructed demo courses."""
    pages = out / "courses" / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    urls = []
    examples = [
        ("sdo-course", shared / "data/fixtures/schemaorg_course/sdo-course-examples.txt"),
        (
            "sdo-credential",
            shared / "data/fixtures/schemaorg_credential/eoc-examples-issue-1779.txt",
        ),
    ]
    for prefix, path in examples:
        for n, block in enumerate(_JSON_BLOCK.findall(path.read_text(encoding="utf-8")), start=1):
            obj = json.loads(block)
            name = f"{prefix}-{n}.html"
            (pages / name).write_text(_html_page(obj.get("name", name), obj), encoding="utf-8")
            urls.append(f"{DEMO_ORIGIN}/courses/pages/{name}")
    for path in sorted(constructed.glob("*.json")):
        obj = json.loads(path.read_text(encoding="utf-8"))
        name = f"{path.stem}.html"
        (pages / name).write_text(_html_page(obj["name"], obj), encoding="utf-8")
        urls.append(f"{DEMO_ORIGIN}/courses/pages/{name}")
    (out / "courses" / "sitemap.xml").write_text(_sitemap(urls), encoding="utf-8")
    return len(urls)


def build_greenhouse(shared: Path, out: Path) -> None:
    """Copy the real Greenhouse board response to the path the spider asks for."""
    target = out / "greenhouse" / "v1" / "boards" / "stripe"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared / "data/fixtures/greenhouse/stripe_jobs_list.json", target / "jobs")


def _write_json(path: Path, obj: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def build_catalogs(shared: Path, constructed: Path, out: Path) -> int:
    """Write the credential catalogue sources; return the number of documents written.

    Coursera (`coursera/api/...`: courses, and a Specialization whose `linked` courses are the
    real ones of the shared Coursera response), Udacity, Credly, a list of Open Badges on the
    demo origin (real OB 2.0 / 3.0 files) and a CTDL search result (real Registry resources plus
    the constructed educator micro-credential).
    """
    fixtures = shared / "data/fixtures"
    spec = json.loads((constructed / "coursera_specializations.json").read_text(encoding="utf-8"))
    real = json.loads((fixtures / "coursera/memberships_linked_courses_v1.json").read_text("utf-8"))
    spec["linked"]["courses.v1"] = real["linked"]["courses.v1"]
    spec["elements"].append(
        {
            "id": "demo-ml-foundations",
            "slug": "demo-ml-foundations",
            "name": "Machine Learning Foundations Specialization",
            "description": "Three courses, from neurons to language and graphical models.",
            "productVariant": "NormalS12n",
            "partnerIds": [7],
            "courseIds": [course["id"] for course in real["linked"]["courses.v1"]],
            "skills": ["machine learning", "natural language processing"],
        }
    )
    api = out / "coursera" / "api"
    _write_json(api / "onDemandSpecializations.v1", spec)
    shutil.copyfile(constructed / "coursera_courses.json", api / "courses.v1")
    udacity = out / "udacity" / "public-api" / "v1" / "courses"
    udacity.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(constructed / "udacity_catalog.json", udacity)
    credly = out / "credly" / "v1" / "organizations" / "demo-cloud" / "badge_templates"
    credly.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(constructed / "credly_templates.json", credly)
    badges = out / "badges"
    badges.mkdir(parents=True, exist_ok=True)
    names = [
        "openbadges2/robotics-badge.json",
        "openbadges2/badgeclass-with-language.json",
        "openbadges3/complete.json",
        "openbadges3/simple-err-expired.json",
    ]
    for name in names:
        shutil.copyfile(fixtures / name, badges / name.replace("/", "-"))
    listed = [f"{DEMO_ORIGIN}/badges/{name.replace('/', '-')}" for name in names]
    _write_json(badges / "index.json", {"badges": listed})
    resources = [
        {"decoded_resource": json.loads((fixtures / "ctdl" / name).read_text("utf-8"))}
        for name in ("credential_certification_3_import.json", "learning_opportunity_3_import.json")
    ]
    micro = json.loads((constructed / "ctdl_educator_microcredential.json").read_text("utf-8"))
    _write_json(out / "ctdl" / "search.json", {"data": [*resources, micro]})
    return 3 + 1 + 1 + len(names) + 1 + 1


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("shared", type=Path, help="the shared folder (has data/ and docs/)")
    parser.add_argument("out", type=Path, help="demo data folder to (re)write")
    args = parser.parse_args()
    constructed = args.out / "constructed_courses"
    for sub in ("careers", "courses", "greenhouse", *CATALOG_FOLDERS):
        shutil.rmtree(args.out / sub, ignore_errors=True)
    build_greenhouse(args.shared, args.out)
    jobs = build_careers(args.shared / "data/eval/skillspan_train.jsonl", args.out)
    courses = build_courses(args.shared, constructed, args.out)
    catalogs = build_catalogs(args.shared, args.out / "constructed_catalogs", args.out)
    (args.out / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {DEMO_ORIGIN}/careers/sitemap.xml\n"
        f"Sitemap: {DEMO_ORIGIN}/courses/sitemap.xml\n",
        encoding="utf-8",
    )
    print(
        f"wrote {jobs} job pages, {courses} course pages and {catalogs} catalogue documents "
        f"to {args.out}"
    )


if __name__ == "__main__":
    main()
