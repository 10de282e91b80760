package org.bulwark.core.employment;

/** The duty of a public-welfare job (公益性岗位): what its holder looks after in the village. */
public enum WelfareDuty {
    /** Village cleaning and waste collection (保洁). */
    SANITATION,
    /** Rural roads (护路). */
    ROAD_WARDEN,
    /** Forests and fire watch (护林). */
    FOREST_WARDEN,
    /** Drinking-water supply (水管). */
    WATER_KEEPER,
    /** Care of old people, children left behind, the disabled (照料护理). */
    CARE,
    /** Village safety patrol (治安巡逻). */
    PATROL,
    OTHER
}
