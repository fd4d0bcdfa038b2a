"""The one error type a service raises when a rule stops an action."""


class AppError(Exception):
    """A rule refused an action; ``message`` is fit to show the person, ``code`` is for code and tests."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
