"""Certificate rendering: certificates per second on one core, and memory over thousands.

``certificate_render`` renders certificates one after another in this process (one
core), each for a different participant in one of five scripts, as a Celery worker
process would for a session, and prints ``per_s``, ``median_ms`` and ``p95_ms`` of the
rendering alone (wall clock), ``cpu_median_ms`` (the process's CPU time, which other
load on the machine disturbs less), with the resident memory of the process before and
after the run (``rss_growth_mb`` stays near zero when nothing leaks: fonts are loaded and
registered once per process, caches are bounded).
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import statistics
import time

from courses.certificates.pdf import render_certificate
from tests.bench.harness import emit, percentile
from tests.factories.certificate_pdf import (
    AU,
    SIGNATORIES,
    UN,
    certificate_content,
    image_bytes,
)

RENDERS = 3_000
WARMUP = 50

FIRST = {
    "latin": ["Amina", "Jean-Pierre", "Zoë", "Łukasz", "Søren", "José", "Ngozi", "Aïcha"],
    "vietnamese": ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"],
    "cyrillic": ["Дмитрий", "Анна", "Сергей", "Ольга", "Иван", "Мария", "Олег", "Ірина"],
    "arabic": ["محمد", "فاطمة", "أحمد", "عائشة", "يوسف", "مريم", "عمر", "ليلى"],
    "chinese": ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"],
}
LAST = {
    "latin": ["Ochieng", "Dubois", "Ångström", "Kowalski", "Øvergaard", "García", "Adeyemi"],
    "vietnamese": ["Thị Minh Khai", "Văn Hùng", "Quốc Bảo", "Thu Hương", "Đức Anh", "Ngọc Lan"],
    "cyrillic": ["Иванов", "Петрова", "Смирнов", "Кузнецова", "Шевченко", "Попов"],
    "arabic": ["بن علي", "الحسني", "عبد الله", "المصري", "الخطيب", "السيد", "الزين"],
    "chinese": ["小明", "秀英", "伟", "敏", "静", "丽娟", "志强"],
}


def participant_names():
    """Different names in turn from each script, as many as the run needs."""
    per_script = {
        script: [
            f"{first}{'' if script == 'chinese' else ' '}{last}{suffix}"
            for suffix in ("", "-Mensah", " Jr")
            for first, last in itertools.product(FIRST[script], LAST[script])
        ]
        for script in FIRST
    }
    return itertools.cycle(
        name for names in zip(*per_script.values(), strict=False) for name in names
    )


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def test_certificate_render():
    # A session's certificates: the same course, logos and signatures, other names.
    base = certificate_content(
        issuers=(UN, dataclasses.replace(AU, logo=image_bytes("PNG", (240, 240)))),
        signatories=tuple(
            dataclasses.replace(s, signature=image_bytes("PNG")) for s in SIGNATORIES[:2]
        ),
    )
    names = participant_names()
    for _ in range(WARMUP):
        render_certificate(dataclasses.replace(base, participant_name=next(names)))
    gc.collect()
    rss_start = rss_mb()
    timings = []
    cpu = []
    for _ in range(RENDERS):
        content = dataclasses.replace(base, participant_name=next(names))
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render_certificate(content)
        cpu.append((time.process_time() - start_cpu) * 1000)
        timings.append((time.perf_counter() - start) * 1000)
        assert pdf.startswith(b"%PDF-")
    gc.collect()
    rss_end = rss_mb()
    emit(
        "certificate_render",
        per_s=round(RENDERS / (sum(timings) / 1000), 1),
        median_ms=round(statistics.median(timings), 1),
        p95_ms=round(percentile(timings, 95), 1),
        cpu_median_ms=round(statistics.median(cpu), 1),
        renders=RENDERS,
        pdf_kb=round(len(pdf) / 1024, 1),
        rss_start_mb=round(rss_start, 1),
        rss_end_mb=round(rss_end, 1),
        rss_growth_mb=round(rss_end - rss_start, 1),
    )


BILINGUAL_RENDERS = 1_000
# Bilingual sessions as the partners run them: the second language beside the first.
PAIRS = (("en", "ar"), ("fr", "ar"), ("en", "ru"), ("en", "zh-hans"), ("es", "pt-br"))


def test_certificate_render_bilingual():
    """``certificate_render_bilingual``: as ``certificate_render``, each certificate in
    two languages side by side (the name and course title twice, two sets of wording),
    with names in the five scripts and a Latin transliteration under the non-Latin ones."""
    base = certificate_content(
        issuers=(UN, dataclasses.replace(AU, logo=image_bytes("PNG", (240, 240)))),
        signatories=tuple(
            dataclasses.replace(s, signature=image_bytes("PNG")) for s in SIGNATORIES[:2]
        ),
        second_place="نيروبي، كينيا",
    )
    names = participant_names()
    pairs = itertools.cycle(PAIRS)

    def content():
        first, second = next(pairs)
        name = next(names)
        latin = "" if name.isascii() else "Amina Wanjiru Ochieng"
        return dataclasses.replace(
            base,
            language=first,
            second_language=second,
            participant_name=name,
            participant_name_latin=latin,
        )

    for _ in range(WARMUP):
        render_certificate(content())
    gc.collect()
    rss_start = rss_mb()
    timings = []
    cpu = []
    for _ in range(BILINGUAL_RENDERS):
        made = content()
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render_certificate(made)
        cpu.append((time.process_time() - start_cpu) * 1000)
        timings.append((time.perf_counter() - start) * 1000)
        assert pdf.startswith(b"%PDF-")
    gc.collect()
    rss_end = rss_mb()
    emit(
        "certificate_render_bilingual",
        per_s=round(BILINGUAL_RENDERS / (sum(timings) / 1000), 1),
        median_ms=round(statistics.median(timings), 1),
        p95_ms=round(percentile(timings, 95), 1),
        cpu_median_ms=round(statistics.median(cpu), 1),
        renders=BILINGUAL_RENDERS,
        pdf_kb=round(len(pdf) / 1024, 1),
        rss_start_mb=round(rss_start, 1),
        rss_end_mb=round(rss_end, 1),
        rss_growth_mb=round(rss_end - rss_start, 1),
    )
