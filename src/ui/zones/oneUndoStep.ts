import { appStore } from '../../store';
import { beginZonesEdit, endZonesEdit } from '../../store/zones/history';

/** Input props: everything typed between focus and blur is one undo step (the store still updates per keystroke). */
export const ONE_UNDO_STEP = {
  onFocus: (): void => beginZonesEdit(appStore),
  onBlur: (): void => endZonesEdit(appStore),
};
