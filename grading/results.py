"""The grader's results files: Gradescope's results.json (tests: name, score,
max_score, output; score; output), which PrairieLearn's external grader reads
too, and JUnit XML for CI dashboards."""
import json
from pathlib import Path
from xml.etree import ElementTree


def gradescope(lab, scored):
    """scored: [(part, points, lines)] -> the results.json object."""
    tests = [{"name": part.name, "score": points, "max_score": part.points, "output": "\n".join(lines),
              "visibility": "visible"} for part, points, lines in scored]
    total = sum(points for _, points, _ in scored)
    return {"score": total, "output": f"{lab.title}: {total}/{lab.points}", "tests": tests,
            "visibility": "visible", "stdout_visibility": "visible"}


def junit(lab, scored):
    """The same parts as one JUnit test suite: a part short of its points is a failure."""
    suite = ElementTree.Element("testsuite", name=f"lab {lab.name}", tests=str(len(scored)),
                                failures=str(sum(1 for part, points, _ in scored if points < part.points)))
    for part, points, lines in scored:
        case = ElementTree.SubElement(suite, "testcase", classname=f"labs.{lab.name}", name=part.name)
        if points < part.points:
            failure = ElementTree.SubElement(case, "failure", message=f"{points}/{part.points} points")
            failure.text = "\n".join(lines)
        ElementTree.SubElement(case, "system-out").text = f"{points}/{part.points} points\n" + "\n".join(lines)
    return ElementTree.ElementTree(suite)


def write(lab, scored, folder):
    """results.json and junit.xml in folder; returns the path of results.json."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "results.json").write_text(json.dumps(gradescope(lab, scored), indent=1) + "\n")
    junit(lab, scored).write(folder / "junit.xml", encoding="unicode", xml_declaration=True)
    return folder / "results.json"
