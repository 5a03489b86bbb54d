"""The connection pool the SDK makes for its clients: an ``httpx.AsyncClient`` that keeps no
cookies and sends the SDK's requests directly."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
from httpx._client import BoundAsyncStream, UseClientDefault
from httpx._types import AuthTypes

from ..auth import BearerAuth
from ..pools import READ_WHOLE, CookieFree, log_request, mark_read, sends_directly

__all__ = ["AsyncSdkPool"]


class AsyncSdkPool(CookieFree, httpx.AsyncClient):
    """The pool `http_client_for` makes: keeps no cookies, sends directly (`send`)."""

    async def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: AuthTypes | UseClientDefault | None = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: bool | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        """``httpx.AsyncClient.send`` with the layers the SDK's calls never use left out:
        given an explicit auth flow, with no redirects followed and no event hooks, the
        auth flow and the (mounted) transport are run here; anything else goes through
        httpx's own ``send``.

        Kept: proxy mounts, timeouts, ``response.elapsed``/``history``/``next_request``,
        the request on a transport error, httpx's log line. A static `BearerAuth` header is
        set without running its flow, and a body with nothing to decode is read here
        (`_read_whole`), without httpx's read generators, or by a transport that can
        (`READ_WHOLE`).
        """
        if not isinstance(auth, httpx.Auth) or not sends_directly(self, follow_redirects):
            return await super().send(
                request, stream=stream, auth=auth, follow_redirects=follow_redirects
            )
        request.extensions.setdefault("timeout", self.timeout.as_dict())
        if type(auth) is BearerAuth and auth._static_header is not None:
            # what a static token's flow does, without running it (~3 µs): one header
            request.headers["Authorization"] = auth._static_header
            response = await self._send_one(request, stream)
            response.history = []
        else:
            response = await self._send_with_flow(request, auth, stream)
        if not stream:
            try:
                await response.aread()
            except BaseException:
                await response.aclose()
                raise
        return response

    async def _send_with_flow(
        self, request: httpx.Request, auth: httpx.Auth, stream: bool
    ) -> httpx.Response:
        history: list[httpx.Response] = []
        flow = auth.async_auth_flow(request)
        try:
            request = await flow.__anext__()
            while True:
                response = await self._send_one(request, stream)
                try:
                    try:
                        request = await flow.asend(response)
                    except StopAsyncIteration:
                        break
                    response.history = list(history)
                    await response.aread()
                    history.append(response)
                except BaseException:
                    await response.aclose()
                    raise
        finally:
            await flow.aclose()
        response.history = history
        return response

    async def _send_one(self, request: httpx.Request, stream: bool) -> httpx.Response:
        if not isinstance(request.stream, httpx.AsyncByteStream):
            raise RuntimeError(f"a request body of the wrong kind: {type(request.stream)}")
        transport = self._transport_for_url(request.url)
        request.extensions[READ_WHOLE] = not stream
        start = time.perf_counter()
        try:
            response = await transport.handle_async_request(request)
        except httpx.RequestError as exc:
            exc.request = request
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.request = request
        log_request(request, response)
        if response.has_redirect_location:  # not followed: where it points, as httpx says
            response.next_request = self._build_redirect_request(request, response)
        if not stream and response.is_closed:  # read already (by the transport: READ_WHOLE)
            response.elapsed = timedelta(seconds=time.perf_counter() - start)
        elif stream or "content-encoding" in response.headers:
            response.stream = BoundAsyncStream(response.stream, response=response, start=start)
        else:
            await self._read_whole(response, start)
        return response

    @staticmethod
    async def _read_whole(response: httpx.Response, start: float) -> None:
        """Read a body with nothing to decode and leave the state httpx's own read leaves,
        without its generators (the decoder, two chunkers, the timing wrapper)."""
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        chunks: list[bytes] = []
        try:
            async for chunk in stream:
                chunks.append(chunk)
        except httpx.RequestError as exc:
            exc.request = response.request
            raise
        finally:
            response.elapsed = timedelta(seconds=time.perf_counter() - start)
            await response.aclose()
        mark_read(response, b"".join(chunks))
