-- Purpose: the loose key figures transcribed from the seed documents, for a set of themes, in
--   the order of the themes given.
-- Grain: one row per transcribed figure (document × line × indicator).
-- Params: $themes varchar[] (themes to show, in display order; empty list = none).
-- Columns: theme, theme_order (position in $themes), indicator, indicator_label, value, unit,
--   period, publisher, value_text (words in the source), is_hedged, hedge, note, document,
--   line.
-- Source: kengetallen (transcribed from seeds 000, 001, 003, 004).
select
    theme,
    list_position($themes, theme) as theme_order,
    indicator,
    indicator_label,
    value,
    unit,
    period,
    publisher,
    value_text,
    is_hedged,
    hedge,
    note,
    document,
    line
from kengetallen
where list_contains($themes, theme)
order by theme_order, document, line, indicator
