"""Before the test suite.

``python -m config.preflight packages``: the Debian packages the suite needs (Chromium,
the fonts of the certificate PDFs, and ``redis-server`` when no REDIS_URL is given).
As root, missing ones are installed; otherwise the one ``apt-get install`` line to run
is printed and the exit status is 1.

``python -m config.preflight``: are the database and Redis the suite was given
reachable, and the fonts installed? Say so plainly if not. Nothing is assumed to
listen anywhere: `make test` starts its own services and sets both URLs.
"""

import os
import shutil
import socket
import subprocess
import sys
from urllib.parse import urlparse

# fonts-noto-core, fonts-noto-cjk and fonts-wqy-microhei: the certificate PDFs
# (courses/certificate_pdf/fonts.py); chromium: the end-to-end tests.
PACKAGES = ["chromium", "fonts-noto-core", "fonts-noto-cjk", "fonts-wqy-microhei"]


def needed_packages(environ=os.environ) -> list[str]:
    packages = list(PACKAGES)
    if not environ.get("REDIS_URL"):
        packages.append("redis-server")
    return packages


def installed(package: str) -> bool:
    result = subprocess.run(  # noqa: S603
        ["dpkg-query", "--show", "--showformat=${db:Status-Status}", package],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() == "installed"


def packages() -> int:
    if shutil.which("dpkg-query") is None:
        print(
            "Not a Debian/Ubuntu system: install by hand " + " ".join(needed_packages()),
            file=sys.stderr,
        )
        return 0
    missing = [package for package in needed_packages() if not installed(package)]
    if not missing:
        return 0
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        print(
            "The test suite needs Debian packages that are missing. Run:\n\n  sudo "
            + " ".join(command)
            + "\n",
            file=sys.stderr,
        )
        return 1
    print("Installing " + " ".join(missing), file=sys.stderr, flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # noqa: S607
    subprocess.run([*command, "-qq"], check=True, env=env)  # noqa: S603
    return 0


def reachable(url: str) -> bool:
    parsed = urlparse(url)
    if not parsed.hostname or parsed.hostname.startswith("/") or parsed.port is None:
        return True  # a socket or the driver's default port: the suite will tell
    try:
        with socket.create_connection((parsed.hostname, parsed.port), 3):
            return True
    except OSError:
        return False


def main() -> int:
    failures = []
    for name in ("DATABASE_URL", "REDIS_URL"):
        url = os.environ.get(name, "")
        if not url:
            failures.append(
                f"  {name} is not set: `make test` starts a private server and sets it."
            )
        elif not reachable(url):
            parsed = urlparse(url)
            failures.append(f"  {name}: cannot reach {parsed.hostname}:{parsed.port}.")
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
    sys.exit(packages() if sys.argv[1:] == ["packages"] else main())
