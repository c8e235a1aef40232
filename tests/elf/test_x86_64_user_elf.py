"""The x86_64 ring-3 region in the linked kernel: whole pages (boot/x86_64/entry.S
gives user access page by page), holding the task and nothing of the kernel's."""
import pytest

from tools.elf_symbols import Image

PAGE = 4096


@pytest.fixture(scope="module")
def image(x86_64_kernel):
    return Image(x86_64_kernel)


def region(image):
    return image.symbols["__user_start"].address, image.symbols["__user_end"].address


def test_user_region_is_whole_pages_inside_the_4k_mapped_first_2mib(image):
    start, end = region(image)
    assert start % PAGE == 0 and end % PAGE == 0 and start < end <= 2 << 20


def test_only_the_task_lies_in_the_user_pages(image):
    """A kernel function in there would be ring 3's to run and read."""
    start, end = region(image)
    inside = {s.name for s in image.symbols.values() if start <= s.address < end and not s.name.startswith("__")}
    assert inside and all(name.startswith("user_") for name in inside), sorted(inside)
    for task in ("user_int_task", "user_hlt_task", "user_cli_task", "user_load_task"):
        assert start <= image.symbols[task].address < end, task
    assert not start <= image.symbols["user_enter"].address < end, "user_enter runs in ring 0 and drops to ring 3"
