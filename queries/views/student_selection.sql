-- Macro: student_selection(...), the one DUO selection every students__* / regions__students_*
--   query starts from: the cells of one measure in the chosen DUO tables, programmes, study
--   modes, genders and hogeschool. Created at connect time after the students table.
-- Grain: one row per source cell of students (nothing is summed here; NULL counts stay NULL).
-- Params: sel_measure varchar (enrolled | first_years | graduates); sel_breakdowns varchar[] (DUO
--   tables to read: 'volledig' cross-tabulated, 'opleiding' per programme only); sel_programmes
--   varchar[] (CROHO codes); sel_study_modes varchar[] (NULL = all); sel_genders varchar[] (NULL =
--   all); sel_institution varchar (BRIN, NULL = all). Queries pass their $params as arguments.
-- Columns: year, definition, student_count (NULL for a '<5' cell), is_suppressed, gemeente_code,
--   provincie_code, arbeidsmarktregio_code, programme_group, programme_name, study_mode, gender,
--   institution_name.
-- Source: students (queries/views/students.sql).
create or replace macro student_selection(
    sel_measure,
    sel_breakdowns,
    sel_programmes,
    sel_study_modes,
    sel_genders,
    sel_institution
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
        institution_name
    from students
    where
        measure = sel_measure
        and list_contains(sel_breakdowns, breakdown)
        and list_contains(sel_programmes, programme_code)
        and (sel_study_modes is null or list_contains(sel_study_modes, study_mode))
        and (sel_genders is null or list_contains(sel_genders, gender))
        and (sel_institution is null or institution_code = sel_institution)
