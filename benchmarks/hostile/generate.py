#!/usr/bin/env python3
"""Writes the hostile-input catalogue measured by measure.sh into the folder given (valid documents that make
work grow faster than their size, and a request for each)."""
import json, os, re, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def rule(i, effect, when=None, extra=None, prefix="r"):
    r = {"id": f"{prefix}{i}", "source": "code", "section": str(i), "binds": ["police"], "effect": effect}
    if when: r["when"] = when
    if extra: r.update(extra)
    return r

def document(jid, rules, parent=None, level="state", citation="C"):
    j = {"id": jid, "name": jid, "timeZone": "UTC", "level": level}
    if parent: j["parent"] = parent
    return {"format": "policymodel/1", "jurisdiction": j,
            "sources": [{"id": "code", "kind": "statute", "title": "Code", "citation": citation}], "rules": rules}

def write(folder, name, value):
    os.makedirs(os.path.join(out, folder), exist_ok=True)
    with open(os.path.join(out, folder, name), "w") as f:
        json.dump(value, f, separators=(",", ":"))

def request(jid, **extra):
    r = {"jurisdiction": jid, "receivedAt": "2025-03-01T12:00:00Z", "requester": "ice-ero",
         "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest"}
    r.update(extra)
    return r

# 1. 5,000 prohibiting and 5,000 permitting rules that all match: 25 million conflicting pairs.
write("conflicts", "zz.json", document("zz", [rule(i, "prohibit") for i in range(5000)] + [rule(i, "permit", prefix="q") for i in range(5000)]))
with open(os.path.join(out, "conflicts-request.json"), "w") as f: json.dump(request("zz"), f)

# 2. Rules that split every field value: 69,206,016 request classes.
split = []
def add(field, values, is_list):
    for v in values:
        split.append(rule(len(split), "permit", [{field: {"anyOf": [v]} if is_list else [v]}]))
def names(enum):
    """The contract names of an enum's values, from the <c>name</c> in each value's XML doc comment."""
    source = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "PolicyModel", "Model", "Vocabulary.cs")).read()
    body = re.search(r"public enum " + enum + r"\b[^{]*\{(.*?)\n\}", source, re.S).group(1)
    return [n for n in re.findall(r"<c>([a-z0-9-]+)</c>", body) if n != "unknown"]
for field, enum, is_list in [("requester", "Requester", False), ("purpose", "Purpose", False), ("assistance", "AssistanceKind", False), ("authority", "Authority", False),
                             ("respondent", "Respondent", False), ("circumstances", "Circumstance", True), ("subjectFacts", "SubjectFact", True)]:
    add(field, names(enum), is_list)
write("split", "zz.json", document("zz", split))

# 3. 38 state rules each preempting 9,962 city rules that all match.
targets = [rule(i, "prohibit", prefix="t") for i in range(9962)]
write("preempt", "zz.json", document("zz", [rule(i, "permit", extra={"preempts": [f"t{k}" for k in range(9962)]}, prefix="p") for i in range(38)]))
write("preempt", "zz-city.json", document("zz-city", targets, parent="zz", level="city"))
with open(os.path.join(out, "preempt-request.json"), "w") as f: json.dump(request("zz-city"), f)

# 4. 300 police-action rules with 4,000-character citations.
write("police", "zz.json", document("zz", [rule(i, "police-action", [{"circumstances": "non-empty"}]) for i in range(300)], citation="c" * 4000))
with open(os.path.join(out, "police-request.json"), "w") as f: json.dump(request("zz", circumstances=["crime-in-progress"]), f)

# 5. Many dates: 601 periods of 540,672 request classes, and one request a day for 600 days, each on a new period.
#    Classes: requester 11 x purpose 2 (unknown or not) x assistance 16 x authority 3 x respondent 2 (binds police
#    or not) x circumstances 2 (empty or not) x subject facts 128 = 540,672; a table of them is made per period.
import datetime
dated = []
def values(enum): return names(enum)
for v in values("Requester")[:-1]: dated.append(rule(len(dated), "permit", [{"requester": [v]}]))
for v in values("AssistanceKind")[:-1]: dated.append(rule(len(dated), "permit", [{"assistance": [v]}]))
for v in values("Authority")[:2]: dated.append(rule(len(dated), "permit", [{"authority": [v]}]))
for v in values("SubjectFact"): dated.append(rule(len(dated), "permit", [{"subjectFacts": {"anyOf": [v]}}]))
first = datetime.date(2023, 1, 1)
for d in range(600):
    dated.append(rule(len(dated), "prohibit", [{"assistance": ["stop-or-arrest"]}], {"period": {"from": (first + datetime.timedelta(days=d)).isoformat()}}))
write("dates", "zz.json", document("zz", dated))
with open(os.path.join(out, "dates-requests.jsonl"), "w") as f:
    for d in range(600):
        day = first + datetime.timedelta(days=d)
        f.write(json.dumps(request("zz", id=f"d{d}", receivedAt=f"{day.isoformat()}T12:00:00Z"), separators=(",", ":")) + "\n")
