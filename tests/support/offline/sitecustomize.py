"""Test support: put this folder on PYTHONPATH to forbid every network connection but loopback.

The kit must work offline, so the tests run kernels with this guard: any attempt to reach
another host (for example textstat asking NLTK to download CMUdict) fails loudly and is
written to $MEDIALIT_NETWORK_LOG so the test can report it.
"""

import os
import socket

_LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0")
_real_connect = socket.socket.connect
_real_getaddrinfo = socket.getaddrinfo


def _record(target):
    log = os.environ.get("MEDIALIT_NETWORK_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{target}\n")


def _allowed(host):
    return isinstance(host, str) and (host.startswith(_LOOPBACK) or host == "")


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(host):
        _record(address)
        raise OSError(f"network disabled by the medialit offline test: {address!r}")
    return _real_connect(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if host is not None and not _allowed(host if isinstance(host, str) else host.decode()):
        _record(host)
        raise socket.gaierror(f"network disabled by the medialit offline test: {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect
socket.getaddrinfo = _guarded_getaddrinfo
