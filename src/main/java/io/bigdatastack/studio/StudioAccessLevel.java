package io.bigdatastack.studio;

/**
 * What a Studio user may do, one customer managed session policy each, after AWS's example user policies
 * (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-user-permissions.html). Each level includes
 * the one before it.
 */
public enum StudioAccessLevel {
    /** Workspaces, Git repositories, attaching to existing EMR on EC2 / EMR on EKS clusters, debugging UIs. */
    basic,
    /** Basic plus launching the Studio's Service Catalog cluster template and managing one's own launches. */
    intermediate,
    /** Intermediate plus creating clusters from an explicit configuration (RunJobFlow). For studioAdminUser. */
    advanced
}
