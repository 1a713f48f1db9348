-- Purpose: one DUO measure per year split by a category (group, programme, mode, gender,
--   hogeschool).
-- Grain: one row per year × definition × category.
-- Params: $measure varchar; $breakdowns varchar[]; $programmes varchar[]; $study_modes varchar[]
--   (NULL = all); $genders varchar[] (NULL = all); $institution varchar (NULL = all);
--   $region_code varchar (NULL = Nederland) – as in students__yearly; $dimension varchar
--   (programme_group | programme | study_mode | gender | institution): which fixed column is
--   the category.
-- Columns: year, definition, category (Dutch label), student_count (persons; published cells;
--   NULL when the category has only '<5' cells), suppressed_cells, is_suppressed_only (only '<5'
--   cells: show "<5", never 0, not ranked).
-- Source: students (through the macro in queries/views/student_selection.sql).
with selection as (
    select
        year,
        definition,
        student_count,
        is_suppressed,
        case $dimension
            when 'programme_group' then programme_group
            when 'programme' then programme_name
            when 'study_mode' then study_mode
            when 'gender' then gender
            when 'institution' then institution_name
        end as category
    from
        student_selection(
            $measure, $breakdowns, $programmes, $study_modes, $genders, $institution
        )
    where
        $region_code is null
        or provincie_code = $region_code
        or arbeidsmarktregio_code = $region_code
        or gemeente_code = $region_code
)

select
    year,
    definition,
    category,
    sum(student_count) as student_count,
    count(*) filter (where is_suppressed) as suppressed_cells,
    coalesce(count(*) filter (where is_suppressed) > 0 and sum(student_count) is null, false)
        as is_suppressed_only
from selection
where category is not null
group by year, definition, category
order by year asc, definition asc, student_count desc nulls last, category asc
