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
select
    year,
    definition,
    category,
    sum(student_count) as student_count,
    count(*) filter (where is_suppressed) as suppressed_cells,
    coalesce(count(*) filter (where is_suppressed) > 0 and sum(student_count) is null, false)
        as is_suppressed_only
from
    student_selection(
        $measure, $breakdowns, $programmes, $study_modes, $genders, $institution,
        sel_region_code := $region_code, sel_dimension := $dimension
    )
where in_region and category is not null
group by year, definition, category
order by year asc, definition asc, student_count desc nulls last, category asc
