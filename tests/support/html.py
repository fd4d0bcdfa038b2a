import re


def mask_html(html: str) -> str:
    """A page with its per-request values (CSRF token, CSP nonce) masked, for comparing renderings."""
    html = re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value="CSRF"', html
    )
    return re.sub(r'nonce="[^"]+"', 'nonce="NONCE"', html)
