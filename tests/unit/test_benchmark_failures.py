"""The flake count keeps what pytest said of each failure (reports/benchmark.py)."""
import xml.etree.ElementTree as ElementTree

from reports.benchmark import keep_failure_reports

REPORT = """<testsuites><testsuite>
<testcase classname="tests.qemu.test_storms" name="test_a_storm_is_masked_and_reported_once[x86_64]">
<failure message="ConsoleError: timed out after 5s">--- transcript tail ---
x86_64&gt; a</failure></testcase>
<testcase classname="tests.qemu.test_console" name="test_close_kills_a_running_guest">
<error message="failed on setup">build lock held</error></testcase>
</testsuite></testsuites>"""


def test_each_failed_test_of_a_run_gets_its_report(tmp_path):
    cases = list(ElementTree.fromstring(REPORT).iter("testcase"))
    keep_failure_reports(tmp_path / "runs.log.failures", 7, cases)
    files = sorted((tmp_path / "runs.log.failures").iterdir())
    assert [f.name.split("-", 1)[1] for f in files] == [
        "run7-tests.qemu.test_console.test_close_kills_a_running_guest.txt",
        "run7-tests.qemu.test_storms.test_a_storm_is_masked_and_reported_once_x86_64_.txt"]
    assert files[1].read_text() == "ConsoleError: timed out after 5s\n\n--- transcript tail ---\nx86_64> a"
    assert files[0].read_text() == "failed on setup\n\nbuild lock held"
