package org.bulwark.platform.worklist;

import java.util.List;

/**
 * The worklist items of one module for the signed-in user (as a {@code FigureProvider} gives a module's dashboard
 * figures). A provider is a Spring bean; the home page asks every provider and lists what they give in a stable order
 * (see {@link WorkItem}). It lives in the platform so that every module may implement it without depending on the home
 * page, which itself reads those modules.
 *
 * <p>Places in use — tasks: casework 100, employment 150, warnings 200, department batches 300, locked accounts 400; pages: rules 100,
 * accounts 200, screening 300, shadow screening 310, audit log 400, dashboard 900. A new provider picks a free place.
 */
public interface WorklistProvider {

    /** The signed-in user's items from this module, empty when the user's role has nothing here. */
    List<WorkItem> workItems();
}
