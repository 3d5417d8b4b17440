"""Runs the seed's curl, JavaScript and PHP examples (the files next to this
one, copied verbatim from deals-api.txt) against a reference server, with only
the base URL and the key swapped in, and checks their output against the
answers the seed documents, then the deals they leave behind through the API.

Usage: run.py <API base URL>   (the key comes from ISAO_API_KEY)
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED_BASE = "https://staging.isao.io/api/external"

# The seed's "Get Deal by ID" answer, which the demo's deal_123 must match.
SEED_DEAL_123 = {
    "id": "deal_123", "title": "Enterprise Software License", "value": 50000.00, "currency": "EUR",
    "stage": "negotiation", "priority": "high", "probability": 75, "status": "open",
    "expectedCloseDate": "2024-12-15T00:00:00.000Z", "actualCloseDate": None,
    "description": "Annual software license for 500 users", "source": "website",
    "contact": {"id": "contact_456", "name": "John Smith", "email": "john@techcorp.com",
                "phoneNumber": "+33123456789", "currentCompany": "Tech Corp"},
    "assignedTo": {"id": "user_789", "name": "Sales Rep", "email": "sales@isao.io"},
    "createdAt": "2024-11-01T10:30:00.000Z", "updatedAt": "2024-11-08T09:15:00.000Z",
}
# The seed's "Create Deal" answer: everything but the id and the two instants
# the server sets.
SEED_CREATED = {
    "title": "Website Redesign Project", "value": 25000, "currency": "EUR", "stage": "proposal",
    "priority": "medium", "probability": 60, "status": "open",
    "expectedCloseDate": "2024-12-30T00:00:00.000Z",
    "description": "Complete website redesign and development", "source": "website",
    "contact": SEED_DEAL_123["contact"], "assignedTo": None,
}
# The seed's "Update Deal Status" answer for deal_789 marked as won, but for
# updatedAt, which is the moment of the change.
SEED_WON_789 = {
    **SEED_CREATED, "id": "deal_789", "stage": "closed-won", "status": "won",
    "actualCloseDate": "2024-11-08T15:30:00.000Z", "createdAt": "2024-11-08T10:30:00.000Z",
}

failures = []


def check(condition, what):
    print(f"{'ok' if condition else 'FAILED'}: {what}")
    if not condition:
        failures.append(what)


def run_example(name, command, base, key):
    """Runs the example file `name` with its base URL (and, for curl, its key
    placeholder) swapped; returns what it printed."""
    source = (HERE / name).read_text()
    assert SEED_BASE in source, f"{name} names the seed's base URL"
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / name
        script.write_text(source.replace(SEED_BASE, base).replace("YOUR_API_KEY", key))
        env = {**os.environ, "NODE_PATH": str(HERE / "node_modules")}
        done = subprocess.run([*command, str(script)], capture_output=True, text=True, env=env, timeout=120)
    # curl's progress meters go to stderr: show it only when something failed.
    shown = done.stdout + (done.stderr if done.returncode != 0 or name != "curl.sh" else "")
    print(f"---- {name} (exit {done.returncode})\n{shown}----")
    check(done.returncode == 0, f"{name} exits 0")
    return done.stdout, done.stderr


def api(base, key, path):
    request = urllib.request.Request(f"{base}{path}", headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def every_deal(base, key):
    deals, page = [], 1
    while True:
        answer = api(base, key, f"/deals?page={page}&limit=200")
        deals += answer["data"]
        if page >= answer["meta"]["totalPages"]:
            return deals
        page += 1


def the_deal_titled(base, key, title):
    found = [deal for deal in every_deal(base, key) if deal["title"] == title]
    check(len(found) == 1, f"one deal titled {title!r} exists")
    return found[0] if found else {}


def check_curl(base, key):
    stdout, _ = run_example("curl.sh", ["bash"], base, key)
    answers = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    check(len(answers) == 10, "curl: the seed's ten curl examples each answer JSON")
    if len(answers) != 10:
        return
    listed, got, created, won, staged, opened, negotiation, created_since, updated_since, combined = answers
    check(listed["success"] and listed["meta"]["limit"] == 10 and 0 < len(listed["data"]) <= 10
          and all(d["status"] == "open" and d["stage"] == "negotiation" for d in listed["data"]),
          "curl list: open negotiation deals, 10 a page")
    # The demo has more open negotiation deals than the seed's one, newer:
    # deal_123 is on a later page, as the seed shows it.
    check(SEED_DEAL_123 in [d for d in every_deal(base, key) if d["status"] == "open" and d["stage"] == "negotiation"],
          "curl list: deal_123, as the seed shows it, is among the open negotiation deals")
    check(got == {"success": True, "data": SEED_DEAL_123}, "curl get deal_123: the seed's answer")
    data = created.get("data", {})
    check(created.get("success") is True and data.get("id", "").startswith("deal_")
          and {k: data.get(k) for k in SEED_CREATED} == SEED_CREATED and data.get("actualCloseDate") is None
          and data.get("createdAt") == data.get("updatedAt"),
          "curl create: the seed's answer, with a new id and the current time")
    data = won.get("data", {})
    check(won.get("success") is True and {k: data.get(k) for k in SEED_WON_789} == SEED_WON_789,
          "curl mark deal_789 won: the seed's answer")
    check(staged.get("data", {}).get("stage") == "contract-review" and staged["data"]["status"] == "won",
          "curl stage update: deal_789 in contract-review, still won")
    check(all(d["status"] == "open" for d in opened["data"]) and opened["meta"]["total"] > 0,
          "curl status filter: only open deals")
    check(all(d["stage"] == "negotiation" for d in negotiation["data"]) and negotiation["meta"]["total"] > 0,
          "curl stage filter: only negotiation deals")
    since = "2024-11-01T00:00:00.000Z"
    check(all(d["createdAt"] >= since for d in created_since["data"]), "curl createdSince: only newer deals")
    check(all(d["updatedAt"] >= since for d in updated_since["data"]), "curl updatedSince: only newer deals")
    check(all(d["status"] == "open" and d["stage"] == "proposal" and d["createdAt"] >= since
              for d in combined["data"]) and combined["meta"]["total"] > 0,
          "curl combined filters: open proposal deals created since the date")


def check_javascript(base, key):
    stdout, stderr = run_example("deals.js", ["node"], base, key)
    check("Error:" not in stdout + stderr, "JavaScript: no call fails")
    for label in ["Created deal:", "Pipeline deals:", "Updated deal:", "Won deal:"]:
        check(label in stdout, f"JavaScript prints {label!r}")
    check("title: 'Mobile App Development'" in stdout, "JavaScript: the created deal is printed")
    deal = the_deal_titled(base, key, "Mobile App Development")
    check(deal.get("status") == "won" and deal.get("actualCloseDate") is not None,
          "JavaScript: markDealAsWon closed the deal")
    check(deal.get("stage") == "proposal" and deal.get("probability") == 60,
          "JavaScript: the stage move set stage proposal and probability 60")
    check((deal.get("contact") or {}).get("id") == "contact_123", "JavaScript: linked to contact_123")


def check_php(base, key):
    stdout, stderr = run_example("deals.php", ["php"], base, key)
    check("Error:" not in stdout + stderr, "PHP: no call fails")
    created = re.search(r"^Created deal: (.*)$", stdout, re.M)
    pipeline = re.search(r"^Pipeline has (\d+) open deals$", stdout, re.M)
    won = re.search(r"^Marked deal as won: (.*)$", stdout, re.M)
    check(bool(created and pipeline and won), "PHP prints its three lines")
    if not (created and pipeline and won):
        return
    created, won = json.loads(created.group(1))["data"], json.loads(won.group(1))["data"]
    check(created["title"] == "Digital Marketing Campaign" and created["contact"]["id"] == "contact_789"
          and created["status"] == "open", "PHP: the created deal is printed")
    open_now = api(base, key, "/deals?status=open&limit=1")["meta"]["total"]
    check(int(pipeline.group(1)) == open_now + 1, "PHP: the pipeline count is the open deals before the win")
    check(won["id"] == created["id"] and won["status"] == "won" and won["actualCloseDate"] is not None,
          "PHP: markDealAsWon closed the created deal")


def main():
    base, key = sys.argv[1], os.environ["ISAO_API_KEY"]
    check_curl(base, key)
    check_javascript(base, key)
    check_php(base, key)
    if failures:
        sys.exit(f"{len(failures)} seed example check(s) failed")


if __name__ == "__main__":
    main()
