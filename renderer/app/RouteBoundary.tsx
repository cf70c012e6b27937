// The boundary around the app's screens (renderer/app/lazyPages.ts): a small spinner while a
// screen's code loads, and instead of a white page a clear message with a reload button when
// it cannot be loaded (typically right after an update replaced the files) or the screen
// fails. The app frame stays usable; going to another screen clears the error.
import { Suspense } from 'react';
import { Button, Result, Space, Spin, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage, isChunkLoadError } from './chunkError';
import { ErrorBoundary } from './ErrorBoundary';
import { ROUTES } from './routes';

export const RouteLoading = () => (
  <div
    style={{ display: 'flex', justifyContent: 'center', padding: 48 }}
    data-testid="route-loading"
  >
    <Spin />
  </div>
);

export const RouteFailure = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chunk = isChunkLoadError(error);
  return (
    <Result
      status={chunk ? 'warning' : 'error'}
      title={t(chunk ? 'routeLoad.chunkFailedTitle' : 'routeLoad.crashedTitle')}
      subTitle={t(chunk ? 'routeLoad.chunkFailedBody' : 'routeLoad.crashedBody')}
      data-testid="route-failure"
      extra={
        <Space orientation="vertical" align="center">
          <Space>
            <Button
              type="primary"
              onClick={() => window.location.reload()}
              data-testid="route-reload"
            >
              {t('routeLoad.reload')}
            </Button>
            <Button onClick={() => void navigate(ROUTES.home)}>{t('routeLoad.home')}</Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('routeLoad.detail', { message: errorMessage(error) })}
          </Typography.Text>
        </Space>
      }
    />
  );
};

/** Layout route of the screens: the boundary, the spinner and the matched screen. */
export const RouteBoundary = () => {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname} fallback={(error) => <RouteFailure error={error} />}>
      <Suspense fallback={<RouteLoading />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
};
