"""Pure calculations on indicators: progress status and growth accounting.

The progress method is documented in docs/progress-status.md.
"""

from dataclasses import dataclass
from decimal import Decimal

from .models import Direction, ProgressStatus, TargetKind

# Share of the required progress made so far: at or above SUBSTANTIAL_RATIO is
# substantial progress, at or above MODERATE_RATIO moderate, above zero limited.
SUBSTANTIAL_RATIO = Decimal("0.95")
MODERATE_RATIO = Decimal("0.60")

# Worst first: a rank target is as far along as its least advanced part.
SEVERITY = [
    ProgressStatus.DETERIORATION,
    ProgressStatus.LIMITED,
    ProgressStatus.MODERATE,
    ProgressStatus.SUBSTANTIAL,
    ProgressStatus.ACHIEVED,
]


@dataclass(frozen=True)
class Target:
    kind: str
    direction: str
    value: Decimal | None
    upper: Decimal | None = None
    tolerance: Decimal | None = None
    strict: bool = False

    @property
    def goal(self) -> Decimal | None:
        """The value that counts as reaching the target, in the good direction."""
        if self.value is None:
            return None
        if self.kind == TargetKind.APPROXIMATE:
            tolerance = self.tolerance or Decimal(0)
            return self.value - tolerance if self.increasing else self.value + tolerance
        if self.kind == TargetKind.RANGE and not self.increasing:
            return self.upper if self.upper is not None else self.value
        return self.value

    @property
    def increasing(self) -> bool:
        return self.direction == Direction.INCREASE

    def is_met_by(self, value: Decimal) -> bool:
        goal = self.goal
        if self.increasing:
            return value > goal if self.strict else value >= goal
        return value < goal if self.strict else value <= goal


def progress_status(
    *,
    target: Target,
    target_year: int | None,
    baseline: Decimal | None,
    baseline_year: float | None,
    latest: Decimal | None,
    latest_year: float | None,
) -> str:
    """Classify progress from baseline towards target, as Eurostat does for SDG targets.

    The change achieved since the baseline is compared with the change a straight
    path from baseline to target would have achieved by the same time.
    """
    if target.kind in (TargetKind.NONE, TargetKind.RANK) or target.goal is None or latest is None:
        return ProgressStatus.NO_DATA
    if target.is_met_by(latest):
        return ProgressStatus.ACHIEVED
    if baseline is None or baseline_year is None or target_year is None or latest_year is None:
        return ProgressStatus.NO_DATA
    sign = 1 if target.increasing else -1
    required_total = sign * (target.goal - baseline)
    achieved = sign * (latest - baseline)
    if required_total <= 0:
        # The baseline already met the target and the latest value no longer does.
        return ProgressStatus.DETERIORATION
    span = target_year - baseline_year
    elapsed = min(max(latest_year - baseline_year, 0), span)
    if span <= 0 or elapsed == 0:
        return ProgressStatus.DETERIORATION if achieved < 0 else ProgressStatus.LIMITED
    required_so_far = required_total * Decimal(str(elapsed / span))
    ratio = achieved / required_so_far
    if ratio < 0:
        return ProgressStatus.DETERIORATION
    if ratio >= SUBSTANTIAL_RATIO:
        return ProgressStatus.SUBSTANTIAL
    if ratio >= MODERATE_RATIO:
        return ProgressStatus.MODERATE
    return ProgressStatus.LIMITED


def combined_status(statuses: list[str]) -> str:
    """The status of a target made of parts: the least advanced part that has data."""
    ranked = [s for s in statuses if s in SEVERITY]
    if not ranked:
        return ProgressStatus.NO_DATA
    return min(ranked, key=SEVERITY.index)


@dataclass(frozen=True)
class GrowthAccounting:
    """Solow growth accounting: the TFP share of GRDP growth, in percent.

    g_TFP = g_Y - alpha * g_K - (1 - alpha) * g_L, and the share is g_TFP / g_Y * 100,
    where g are growth rates (%) of GRDP, capital and labour, and alpha the capital share.
    """

    grdp_growth: Decimal
    capital_growth: Decimal
    labour_growth: Decimal
    capital_share: Decimal

    FORMULA = "TFP (%) = [g_Y − α·g_K − (1 − α)·g_L] / g_Y × 100"

    @property
    def tfp_growth(self) -> Decimal:
        alpha = self.capital_share
        return self.grdp_growth - alpha * self.capital_growth - (1 - alpha) * self.labour_growth

    @property
    def tfp_share(self) -> Decimal:
        return (self.tfp_growth / self.grdp_growth * 100).quantize(Decimal("0.01"))

    def as_inputs(self) -> dict:
        return {
            "grdp_growth": str(self.grdp_growth),
            "capital_growth": str(self.capital_growth),
            "labour_growth": str(self.labour_growth),
            "capital_share": str(self.capital_share),
        }
