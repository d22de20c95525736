"""Before the test suite: are PostgreSQL and Redis reachable, and the fonts of the
certificate PDFs installed? Say so plainly if not."""

import os
import socket
import sys
from urllib.parse import urlparse

DEFAULTS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/concord",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
}
HINTS = {
    "DATABASE_URL": "start PostgreSQL (e.g. `pg_ctlcluster 15 main start`) or set DATABASE_URL",
    "REDIS_URL": "start Redis (e.g. `redis-server --daemonize yes`) or set REDIS_URL",
}


def reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 3
        ):
            return True
    except OSError:
        return False


def main() -> int:
    failures = []
    for name, port in (("DATABASE_URL", 5432), ("REDIS_URL", 6379)):
        url = os.environ.get(name, DEFAULTS[name])
        if url.startswith("sqlite"):
            continue
        if not reachable(url, port):
            parsed = urlparse(url)
            failures.append(
                f"  {name}: cannot reach {parsed.hostname}:{parsed.port or port} — {HINTS[name]}."
            )
    if failures:
        print("The test suite needs PostgreSQL and Redis:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    from courses.certificates.pdf import fonts  # noqa: PLC0415 -- on demand

    try:
        for style in fonts.STYLES:
            fonts.chain(style)
    except fonts.FontsMissing as missing:
        print(f"{missing} Install them with apt-get.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
