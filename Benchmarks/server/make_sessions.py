"""Creates N sessions on a running server over one keep-alive connection and prints
"ID TOKEN" per line. usage: make_sessions.py PORT N [LANGUAGE]"""
import http.client
import json
import sys

port, count = int(sys.argv[1]), int(sys.argv[2])
language = sys.argv[3] if len(sys.argv) > 3 else "nl"
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
body = json.dumps({"language": language})
for _ in range(count):
    connection.request("POST", "/v1/sessions", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status != 201:
        sys.exit(f"POST /v1/sessions answered {response.status}: {data[:200]!r}")
    created = json.loads(data)
    print(created["sessionId"], created["token"])
