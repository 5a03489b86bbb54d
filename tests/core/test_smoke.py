import httpx

from supplychain_sdk._core import BearerAuth
from tests.conftest import Mode, mock


async def test_request_roundtrip(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/v1/things/1").respond(200, json={"id": 1})
        client = mode.client(auth=BearerAuth("secret-token"))
        data = await mode(client.request("GET", "/v1/things/1"))
        assert data == {"id": 1}
        sent: httpx.Request = route.calls.last.request
        assert sent.headers["authorization"] == "Bearer secret-token"
        await mode.close(client)
