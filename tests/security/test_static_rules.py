"""Project rules that a linter does not know, checked on the source.

Views stay thin: every read goes through a selector scoped to the person
asking, every write through a service. So no view touches a model manager
directly, where an unscoped ``.objects.get(pk=...)`` could slip in.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
# Every app's views, wherever a new app adds them (a views.py or a views/ package).
VIEW_MODULES = sorted(
    p for p in [*ROOT.glob("*/views.py"), *ROOT.glob("*/views/*.py")] if not p.parts[-2].startswith(".")
)


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_views_never_query_a_model_manager_directly(path):
    tree = ast.parse(path.read_text())

    direct = [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "objects"
    ]

    assert direct == [], "use a selector scoped to request.user instead"


def test_there_is_a_views_module_for_each_app():
    assert {p.parent.name for p in VIEW_MODULES} >= {"assessments", "couples", "web"}
