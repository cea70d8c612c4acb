"""Creates N sessions on a running server over one keep-alive connection and prints
"ID TOKEN" per line. With TURNS, each session first gets that many turns without a restart, so
it starts the run as a long conversation (about 120 KB of state after 300 turns).
usage: make_sessions.py PORT N [LANGUAGE] [TURNS]"""
import http.client
import json
import sys

port, count = int(sys.argv[1]), int(sys.argv[2])
language = sys.argv[3] if len(sys.argv) > 3 else "nl"
turns = int(sys.argv[4]) if len(sys.argv) > 4 else 0
inputs = [
    {"text": "wie betaalt dat eigenlijk?"}, {"text": "1"}, {"text": "nee"}, {"command": "help"},
    {"text": "ik wil een second opinion"}, {"text": "ja"}, {"command": "back"}, {"text": "2"},
    {"command": "topics"}, {"text": "mag mijn moeder een second opinion voor mij vragen?"},
]
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def post(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request("POST", path, body=json.dumps(body), headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status not in (200, 201):
        sys.exit(f"POST {path} answered {response.status}: {data[:200]!r}")
    return json.loads(data)


for _ in range(count):
    created = post("/v1/sessions", {"language": language})
    for turn in range(turns):
        post(f"/v1/sessions/{created['sessionId']}/turns", inputs[turn % len(inputs)], created["token"])
    print(created["sessionId"], created["token"])
