-- Remove the previous vocabulary's skills (the warehouse holds one current vocabulary).
delete from skills;
