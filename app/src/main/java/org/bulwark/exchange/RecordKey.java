package org.bulwark.exchange;

/** Which registry object a department record is about, once matched (ids are null when not registered). */
record RecordKey(String idNumber, String householdNumber, String villageCode, Long personId, Long householdId,
                 String regionCode) {
}
