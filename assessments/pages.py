"""The order of a checkup's pages: its sections, then the review. Pure: the one place that knows it."""

from dataclasses import dataclass

from assessments.instrument import Instrument

#: The page after the last section: the resume point once every section has been seen,
#: never back into the private check.
REVIEW = "review"


@dataclass(frozen=True, slots=True)
class PageOrder:
    sections: tuple[str, ...]

    @property
    def pages(self) -> tuple[str, ...]:
        return (*self.sections, REVIEW)

    def number(self, section_key: str) -> int:
        """1 for the first section."""
        return self.sections.index(section_key) + 1

    def after(self, section_key: str) -> str:
        """The page after a section: the next section, or the review after the last."""
        return self.pages[self.sections.index(section_key) + 1]

    def before(self, section_key: str) -> str:
        """The section before this one (the first section has none, and stays put)."""
        return self.sections[max(self.sections.index(section_key) - 1, 0)]

    def furthest(self, current: str, target: str) -> str:
        """Whichever of two pages comes later; an unknown ``current`` (not started) gives ``target``."""
        if current not in self.pages:
            return target
        return max(current, target, key=self.pages.index)


def page_order(instrument: Instrument) -> PageOrder:
    return PageOrder(sections=tuple(section.key for section in instrument.sections))
