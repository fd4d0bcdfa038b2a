"""Every URL pattern of the project, straight from the resolver, and how to request it.

Shared by the security tests: the access matrix and the header checks both walk
this list, so a URL added anywhere in the project is requested by both.
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse


def _own_packages() -> tuple[str, ...]:
    """Our apps (every installed app that lives in this repository, not in site-packages), and config."""
    base = str(settings.BASE_DIR)
    ours = [
        app.name
        for app in apps.get_app_configs()
        if app.path.startswith(base) and "site-packages" not in app.path
    ]
    return (*ours, "config")


# Code of ours lives in these packages; every URL whose view is ours needs its own row.
OWN_PACKAGES = _own_packages()


@dataclass(frozen=True)
class Route:
    """One URL pattern: ``key`` is its full name, or ``route:<route>`` when it has none."""

    key: str
    name: str | None
    route: str
    params: tuple[str, ...]
    view_module: str
    callback: Any = field(compare=False, repr=False)

    @property
    def is_own(self) -> bool:
        return self.view_module.split(".")[0] in OWN_PACKAGES


def _join(prefix: str, route: str) -> str:
    # As the resolver reports ``ResolverMatch.route``: regex anchors are dropped at joins.
    return prefix + route.removeprefix("^")


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str, namespace: str | None, params: tuple[str, ...]
) -> Iterator[Route]:
    for pattern in patterns:
        route = _join(prefix, str(pattern.pattern))
        names = params + tuple(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, route, inner, names)
            continue
        name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
        callback = pattern.callback
        module = getattr(callback, "view_class", callback).__module__
        yield Route(
            key=name or f"route:{route}",
            name=name,
            route=route,
            params=names,
            view_module=module,
            callback=callback,
        )


def project_routes() -> list[Route]:
    """Every URL pattern the project serves, in resolver order (allauth's and the admin's too)."""
    return list(_walk(get_resolver().url_patterns, "", None, ()))


def route_url(route: Route, values: Mapping[str, object]) -> str:
    """A concrete path for ``route``, its parameters taken from ``values``.

    Checks that the path resolves back to this very pattern, so a request made
    with it tests what the caller meant to test.
    """
    kwargs = {param: values[param] for param in route.params}
    if route.name:
        path = reverse(route.name, kwargs=kwargs)
    else:
        filled = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route.route)
        filled = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), filled)
        path = "/" + filled.replace("^", "").replace("$", "")
    match = resolve(path)
    assert match.route == route.route, f"{path} resolves to {match.route!r}, not {route.route!r}"
    return path
