"""The chart of a measure's facts: one bar per dated fact in date order, bounds as bounds."""

import re

from nqpf.charts import measure_chart


def test_a_chart_draws_one_bar_per_dated_fact_in_date_order_and_a_bound_as_a_bound(fact_base):
    nev = [i for i in fact_base.facts if i.fact.measure == "nev-production" and i.fact.period]
    assert len(nev) >= 2
    undated = next(i for i in fact_base.facts if i.fact.measure and not i.fact.period)
    measure = fact_base.measures["nev-production"]
    html = measure_chart(
        [*reversed(nev), undated], measure, fact_base.unit_registry, lambda i: f"#{i.fact.id}", with_table=True
    )
    assert html.count("<rect x=") == len(nev)  # the undated fact has no bar
    periods = re.findall(r"<tr><td>([^<]*)</td>", html)
    assert periods == sorted(periods)
    assert len(periods) == len(nev)
    bound = next(i for i in nev if i.fact.qualifier == "more than")
    assert html.count('class="nqpf-bar nqpf-bound"') == 1
    assert f"▲{bound.display_value.removeprefix('more than').strip()}" in html
    assert measure_chart([undated], measure, fact_base.unit_registry, str) == ""
    latest = measure_chart(nev, measure, fact_base.unit_registry, str, latest=1)
    assert latest.count("<rect x=") == 1
    assert ", the latest 1 facts." in latest
