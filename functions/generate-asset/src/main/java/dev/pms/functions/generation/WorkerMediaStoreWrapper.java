package dev.pms.functions.generation;

import dev.pms.core.media.MediaStore;

/**
 * An optional bean the provider worker's media store goes through. Deployments define none; the devstack's fault
 * tests define one that makes the worker die right after a media write.
 */
@FunctionalInterface
public interface WorkerMediaStoreWrapper {
    MediaStore wrap(MediaStore store);
}
