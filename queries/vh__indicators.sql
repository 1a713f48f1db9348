-- Purpose: the Vereniging Hogescholen dashboard figures for HSS quoted in seed 001 (Bijlage 3 and
--   the prose that quotes the same series), for the "Studiesucces en arbeidsmarkt" view.
-- Grain: one row per transcribed figure (document line × indicator × scope × year).
-- Params: none.
-- Columns: block (bijlage3 | prose), indicator, indicator_label, programme_scope, year, year_label,
--   value, value_upper, unit, value_text, is_hedged, hedge, source_kind, line, note.
-- Source: vh_dashboard (data/transcribed/vh_dashboard.csv).
select
    block,
    indicator,
    indicator_label,
    programme_scope,
    year,
    year_label,
    value,
    value_upper,
    unit,
    value_text,
    is_hedged,
    hedge,
    source_kind,
    line,
    note
from vh_dashboard
order by programme_scope, indicator, block, year, line
