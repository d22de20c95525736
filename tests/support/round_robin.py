"""A round-robin TCP proxy in a thread (asyncio): each new client connection goes to the
next backend in turn; a backend that refuses the connection (killed, not started) is
skipped for the next one, as a load balancer's passive health check would."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading

from tests.support.pipeline_harness import free_port


class RoundRobinProxy:
    def __init__(self, backends: list[tuple[str, int]], *, port: int | None = None):
        self.backends = list(backends)
        self.port = port or free_port()
        self.connections: dict[tuple[str, int], int] = dict.fromkeys(self.backends, 0)
        self._turn = itertools.cycle(range(len(self.backends)))
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="round-robin", daemon=True)
        self._server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RoundRobinProxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the proxy did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", self.port, backlog=512)
        )
        self._ready.set()
        self._loop.run_forever()
        self._server.close()
        self._loop.close()

    async def _connect(self):
        for _ in range(len(self.backends)):
            backend = self.backends[next(self._turn)]
            try:
                reader, writer = await asyncio.open_connection(*backend)
            except OSError:
                continue
            self.connections[backend] += 1
            return reader, writer
        return None

    async def _serve(self, client_reader, client_writer) -> None:
        upstream = await self._connect()
        if upstream is None:
            client_writer.close()
            return
        reader, writer = upstream

        async def pipe(source, sink):
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                with contextlib.suppress(Exception):
                    sink.close()

        await asyncio.gather(pipe(client_reader, writer), pipe(reader, client_writer))
