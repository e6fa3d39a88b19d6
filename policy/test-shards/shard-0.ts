// Half 1 of the pack's tests in one process (lib/test-files.ts says why).
import { loadTestShard } from "../lib/test-files";

loadTestShard(0, 2);
