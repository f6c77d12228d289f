-- Remove the previous vocabulary's labels (the warehouse holds one current vocabulary).
delete from skill_labels;
