#!/usr/bin/env python3
"""Sends UDP datagrams to 127.0.0.1 at a steady rate for a while; prints how many were sent.
Usage: udp_flood.py PORT RATE_PER_SECOND SECONDS [PAYLOAD_BYTES]"""
import socket
import sys
import time

port, rate, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
payload = b"x" * (int(sys.argv[4]) if len(sys.argv) > 4 else 64)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
batch = max(1, rate // 1000)          # send in 1 ms batches
start = time.monotonic()
sent = 0
while True:
    now = time.monotonic() - start
    if now >= seconds:
        break
    due = int(now * rate)
    while sent < due:
        for _ in range(min(batch, due - sent)):
            s.sendto(payload, ("127.0.0.1", port))
        sent += min(batch, due - sent)
    time.sleep(0.0005)
elapsed = time.monotonic() - start
print(sent, round(sent / elapsed))
