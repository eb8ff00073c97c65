"""The results radar drawn as SVG on the server."""

import re

from charts.svg import radar_svg

LABELS = ["Strategia", "Organizzazione", "Dati", "Tecnologia", "Esecuzione"]
SERIES = [("Acme <b>", [80, 60, 40, 20, 0], "company"), ("Mediana", [50] * 5, "peer"),
          ("Avanzate", [100, 100, 100, 100, 100], "target")]


def test_every_name_and_series_is_drawn_and_escaped():
    html = radar_svg(LABELS, SERIES, title="Radar <chart>")
    assert 'aria-label="Radar &lt;chart&gt;"' in html
    for name in LABELS:
        assert f">{name}</text>" in html
    assert "Acme &lt;b&gt;" in html and "<b>" not in html
    assert html.count('class="series ') == 3 and html.count("<li>") == 3
    assert [t for t in re.findall(r'class="tick"[^>]*>(\d+)<', html)] == ["25", "50", "75", "100"]


def test_points_sit_at_their_score_on_each_axis():
    html = radar_svg(LABELS, SERIES[:1], title="t")
    outer = float(re.search(r'class="ring ring-outer" cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"',
                            html).group(1))
    cx, cy = (float(v) for v in re.search(r'<circle class="ring" cx="([\d.]+)" cy="([\d.]+)"',
                                          html).groups())
    points = re.search(r'<polygon points="([^"]+)"', html).group(1).split()
    top = [float(v) for v in points[0].split(",")]
    # the first axis points up: 80 of 100 is 80 % of the radius above the centre
    assert abs(top[0] - cx) < 0.1 and abs((cy - top[1]) - 0.8 * outer) < 0.2
    last = [float(v) for v in points[4].split(",")]
    assert (last[0], last[1]) == (cx, cy)  # a score of 0 is the centre


def test_long_names_shrink_the_circle_not_the_text():
    short = radar_svg(["A", "B", "C", "D", "E"], SERIES[:1], title="t")
    long = radar_svg(["A", "Una dimensione lunga", "C", "D", "E"], SERIES[:1], title="t")
    radius = re.compile(r'ring-outer" cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"')
    assert float(radius.search(long).group(1)) < float(radius.search(short).group(1))
