-- Purpose: the distinct caveats in the AZW forecast notes (the note column split on '; '), with
--   the rows they concern, for a visible warning next to the forecast chart.
-- Grain: one row per distinct note fragment.
-- Params: none.
-- Columns: note_text, occurrences (rows carrying it), occupations (comma-separated
--   branche: occupation), first_line (line in the seed document), is_definition (the
--   fragment that every row carries: the model's definition, not a caveat).
-- Source: azw_prognose (transcribed from seed 001).
with fragments as (
    select
        trim(unnest(string_split(note, '; '))) as note_text,
        branche || ': ' || occupation as scope,
        line
    from azw_prognose
    where note is not null
),

total as (
    select count(*) as row_count
    from azw_prognose
)

select
    f.note_text,
    count(*) as occurrences,
    string_agg(distinct f.scope, ', ' order by f.scope) as occupations,
    min(f.line) as first_line,
    count(*) = any_value(t.row_count) as is_definition
from fragments as f
cross join total as t
group by f.note_text
order by is_definition desc, first_line asc, f.note_text asc
