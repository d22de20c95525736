"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis),
against a live server: no server error and no answer that breaks the schema (status
codes, content types, bodies), whatever the parameters. Bounded: a few examples per
operation, so the run stays well under a minute.

The operations are driven from one test (schemathesis's strategies under Hypothesis's
``given``) rather than its pytest plugin, so the live server and the data are set up
once for all of them."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import Scope, token_for

EXAMPLES = 15
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_api_answers_every_request_within_its_schema(live_server, finished, settings_):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    _, secret = token_for("AUC", *Scope)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    calls = []

    def fuzz_one(operation):
        headers = {"Authorization": f"Bearer {secret}"}  # the token reads AUC staff data

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def fuzz(case):
            response = case.call_and_validate(
                base_url=live_server.url, headers=headers, checks=CHECKS
            )
            calls.append(response.status_code)

        fuzz()

    for operation in operations:
        fuzz_one(operation)
    assert calls and all(status < 500 for status in calls)
    assert 200 in calls and any(400 <= status < 500 for status in calls)


@pytest.fixture
def settings_(settings):
    """Room for every generated call in one rate-limit window."""
    settings.API_RATE_LIMIT = 100_000
    return settings
