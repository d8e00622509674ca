-- 010_measures: one vocabulary of measures for plan targets and the score
-- sheet's indicators (model/measure.h, issue 18). The score sheet had its
-- own codes for the seven measures of the register it shares with the
-- plans; they become the plans' codes. The old codes stay accepted on read
-- (the aliases of model/measure.h) for rubric CSV files and packages.
UPDATE indicator SET measure = CASE measure
    WHEN 'birth_registered_on_time'     THEN 'birth_reg_on_time_rate'
    WHEN 'underweight_under5'           THEN 'underweight_u5_rate'
    WHEN 'stunted_under5'               THEN 'stunting_u5_rate'
    WHEN 'vaccinated_under1'            THEN 'vaccinated_u1_rate'
    WHEN 'health_checked'               THEN 'health_check_rate'
    WHEN 'preschool_attending'          THEN 'preschool_rate'
    WHEN 'special_circumstances_helped' THEN 'sc_children_helped_rate'
    ELSE measure END
WHERE measure IN ('birth_registered_on_time', 'underweight_under5', 'stunted_under5',
                  'vaccinated_under1', 'health_checked', 'preschool_attending',
                  'special_circumstances_helped');

UPDATE plan_target SET measure = CASE measure
    WHEN 'birth_registered_on_time'     THEN 'birth_reg_on_time_rate'
    WHEN 'underweight_under5'           THEN 'underweight_u5_rate'
    WHEN 'stunted_under5'               THEN 'stunting_u5_rate'
    WHEN 'vaccinated_under1'            THEN 'vaccinated_u1_rate'
    WHEN 'health_checked'               THEN 'health_check_rate'
    WHEN 'preschool_attending'          THEN 'preschool_rate'
    WHEN 'special_circumstances_helped' THEN 'sc_children_helped_rate'
    ELSE measure END
WHERE measure IN ('birth_registered_on_time', 'underweight_under5', 'stunted_under5',
                  'vaccinated_under1', 'health_checked', 'preschool_attending',
                  'special_circumstances_helped');
