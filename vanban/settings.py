"""The options of `extract` and `import`, validated once when made (as pdfplumber's
`TableSettings`): a mistyped value fails here, not halfway through a batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from extract.options import OcrMode

DEFAULT_TIMEOUT = 600.0  # seconds per file: a 300-page scan OCRs in a few minutes
DEFAULT_MEMORY_MB = 4096  # address space of an extraction worker


class Executor(StrEnum):
    """Where `import` extracts: local worker processes, or a Dask cluster."""

    LOCAL = "local"
    DASK = "dask"


@dataclass(frozen=True)
class ExtractSettings:
    """How one file is read; travels to the worker processes with each file."""

    ocr: OcrMode = OcrMode.AUTO
    keep_empty: bool = True  # False: a file that holds no document is skipped
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB  # 0: no limit

    def __post_init__(self) -> None:
        object.__setattr__(self, "ocr", OcrMode(self.ocr))
        if not self.timeout > 0:
            raise ValueError(f"timeout must be positive, not {self.timeout}")
        if self.memory_mb and self.memory_mb < 256:
            raise ValueError(f"memory limit of {self.memory_mb} MB is too small to read a file")


@dataclass(frozen=True)
class ImportSettings:
    """Where to load and how to extract a batch."""

    url: str | None = None
    workers: int = 1
    executor: Executor = Executor.LOCAL
    scheduler: str | None = None
    isolate: bool = True  # False: extract in this process (faster start, no protection)
    extract: ExtractSettings = field(default_factory=lambda: ExtractSettings(keep_empty=False))

    def __post_init__(self) -> None:
        object.__setattr__(self, "executor", Executor(self.executor))
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.executor is Executor.DASK and not self.scheduler:
            raise ValueError("the dask executor needs a scheduler address")
