-- Purpose: yearly total of one DUO measure for a selection, with suppressed cells and the NL total.
-- Grain: one row per year × definition (the definition changes between file vintages).
-- Params: $measure varchar (enrolled|first_years|graduates); $breakdowns varchar[] (DUO tables
--   to read); $programmes varchar[] (CROHO codes); $study_modes varchar[] (NULL = all);
--   $genders varchar[] (NULL = all); $institution varchar (BRIN, NULL = all);
--   $region_code varchar (PVnn/AMnn/GMnnnn of the hogeschool location, NULL = Nederland).
-- Columns: year, definition, student_count (persons, published cells only; NULL = no rows or
--   only suppressed cells), suppressed_cells (cells '<5'), is_suppressed_only (rows exist but all
--   are '<5': show "<5", never 0), nl_student_count, share_of_nl_pct, change_count, change_pct
--   (vs the calendar year before, only when it has the same definition; NULL over a break or a
--   missing year).
-- Source: students (through the macro in queries/views/student_selection.sql).
with yearly as (
    select
        year,
        definition,
        sum(student_count) filter (where in_region) as student_count,
        count(*) filter (where in_region and is_suppressed) as suppressed_cells,
        count(*) filter (where in_region) as region_cells,
        sum(student_count) as nl_student_count
    from
        student_selection(
            $measure, $breakdowns, $programmes, $study_modes, $genders, $institution,
            sel_region_code := $region_code
        )
    group by year, definition
),

with_previous as (
    select
        *,
        -- the previous year of the same definition only: no change over a break or a gap
        case
            when lag(year) over (partition by definition order by year) = year - 1
                then lag(student_count) over (partition by definition order by year)
        end as previous_count
    from yearly
)

select
    year,
    definition,
    student_count,
    suppressed_cells,
    coalesce(region_cells > 0 and student_count is null, false) as is_suppressed_only,
    nl_student_count,
    round(100.0 * student_count / nullif(nl_student_count, 0), 1) as share_of_nl_pct,
    student_count - previous_count as change_count,
    round(100.0 * (student_count - previous_count) / nullif(previous_count, 0), 1) as change_pct
from with_previous
order by year, definition
