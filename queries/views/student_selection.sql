-- Macro: student_selection(...), the one DUO selection every students__* / regions__students_*
--   query starts from: the cells of one measure in the chosen DUO tables, programmes, study
--   modes, genders and hogeschool. Created at connect time after the students table.
-- Grain: one row per source cell of students (nothing is summed here; NULL counts stay NULL).
-- Params: sel_measure varchar (enrolled | first_years | graduates); sel_breakdowns varchar[] (DUO
--   tables to read: 'volledig' cross-tabulated, 'opleiding' per programme only); sel_programmes
--   varchar[] (CROHO codes); sel_study_modes varchar[] (NULL = all); sel_genders varchar[] (NULL =
--   all); sel_institution varchar (BRIN, NULL = all). Optional, by name: sel_region_code varchar
--   (PVnn/AMnn/GMnnnn, NULL = Nederland) for in_region; sel_level varchar (provincie |
--   arbeidsmarktregio | gemeente) for region_code; sel_dimension varchar (programme_group |
--   programme | study_mode | gender | institution) for category. Queries pass their $params.
-- Columns: year, definition, student_count (NULL for a '<5' cell), is_suppressed, gemeente_code,
--   provincie_code, arbeidsmarktregio_code, programme_group, programme_name, study_mode, gender,
--   institution_name, in_region (the cell's hogeschool location lies in sel_region_code; true
--   when that is NULL), region_code (the location's region of sel_level; NULL without a level),
--   category (the sel_dimension column; NULL without a dimension).
-- Source: students (queries/views/students.sql).
create or replace macro student_selection(
    sel_measure,
    sel_breakdowns,
    sel_programmes,
    sel_study_modes,
    sel_genders,
    sel_institution,
    sel_region_code := null,
    sel_level := null,
    sel_dimension := null
) as table
    select
        year,
        definition,
        student_count,
        is_suppressed,
        gemeente_code,
        provincie_code,
        arbeidsmarktregio_code,
        programme_group,
        programme_name,
        study_mode,
        gender,
        institution_name,
        coalesce(
            sel_region_code is null
            or provincie_code = sel_region_code
            or arbeidsmarktregio_code = sel_region_code
            or gemeente_code = sel_region_code,
            false
        ) as in_region,
        case sel_level
            when 'provincie' then provincie_code
            when 'arbeidsmarktregio' then arbeidsmarktregio_code
            when 'gemeente' then gemeente_code
        end as region_code,
        case sel_dimension
            when 'programme_group' then programme_group
            when 'programme' then programme_name
            when 'study_mode' then study_mode
            when 'gender' then gender
            when 'institution' then institution_name
        end as category
    from students
    where
        measure = sel_measure
        and list_contains(sel_breakdowns, breakdown)
        and list_contains(sel_programmes, programme_code)
        and (sel_study_modes is null or list_contains(sel_study_modes, study_mode))
        and (sel_genders is null or list_contains(sel_genders, gender))
        and (sel_institution is null or institution_code = sel_institution)
