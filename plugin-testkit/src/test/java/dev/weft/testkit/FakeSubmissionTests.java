package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A {@link FakeSubmission} records the veto and its reason. */
class FakeSubmissionTests {

    @Test
    void aSubmissionRecordsTheVetoAndItsReason() {
        FakeTaskView task = new FakeTaskView("evaluate");
        FakeSubmission submission = new FakeSubmission(task, 3);

        assertFalse(submission.isVetoed());
        assertEquals(Optional.empty(), submission.vetoReason());
        submission.veto("too many calls");

        assertTrue(submission.isVetoed());
        assertEquals(Optional.of("too many calls"), submission.vetoReason());
        assertSame(task, submission.task());
        assertEquals(3, submission.argument());
    }
}
