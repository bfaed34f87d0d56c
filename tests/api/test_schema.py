"""Property tests generated from /openapi.json (schemathesis, a bounded number of examples per operation).

Every operation, fed values its schema allows and values it does not, answers without a server error,
with a status its schema lists, and a body its schema describes. Schema-valid input may still get 422:
some of the contract's rules are no JSON Schema (a real calendar date, text that is not binary, ids unique
in a list), so schemathesis's "valid data is accepted" check is left out.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from eventwire.api import ServiceConfig, create_app
from eventwire.store import Store

TOKEN = "schema-token"  # with a token, schemathesis also checks that writes without it are refused


@pytest.fixture(scope="module")
def service_schema(tmp_path_factory, extractor):
    store = Store(str(tmp_path_factory.mktemp("schema") / "schema.db"))
    service = create_app(store, extractor, ServiceConfig(token=TOKEN))
    with TestClient(service):  # runs the lifespan: the extraction worker is up
        yield schemathesis.openapi.from_asgi("/openapi.json", service)
    store.close()


def test_every_operation_keeps_to_its_schema(service_schema):
    # Schemathesis's own pytest plugin does not run on this pytest; its strategies are driven here instead.
    operations = [result.ok() for result in service_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/articles", "/events", "/stories", "/actors", "/watches"}
    for operation in operations:
        @given(operation.as_strategy())
        @settings(max_examples=8, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                   excluded_checks=[positive_data_acceptance])

        check()
